package cn.duban.identity;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, as the webapp plugins need it: the person's name, their roles in Chinese, and whether the
 * platform's engine pages are theirs (operators and administrators) or the 督办看板 is their start (the section).
 */
@RestController
class MeController {

    /** {@code startsCampaigns}: a drafter, whom Tasklist offers 发起流程 (nobody else may start anything). */
    record Me(String name, List<String> roles, boolean operator, boolean supervision, boolean startsCampaigns) {}

    private final People people;

    MeController(People people) {
        this.people = people;
    }

    @GetMapping("/api/me")
    Me me(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        Map<String, String> names = people.names(List.of(user.id()));
        boolean operator = user.isIn(Roles.OPERATOR) || user.isIn(Roles.ADMIN);
        return new Me(names.getOrDefault(user.id(), ""), user.groups().stream().filter(Roles.NAMES::containsKey)
                .map(Roles.NAMES::get).toList(), operator, user.isSupervision(), user.hasOfficeRole(Roles.OfficeRole.DRAFTER));
    }
}
