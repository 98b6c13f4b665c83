package cn.duban.reminder;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.support.Forbidden;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UrgeController {

    /** Units to urge (none: every late unit) and the note they read. */
    record UrgeRequest(List<String> units, String note) {}

    private final UrgeService urges;

    UrgeController(UrgeService urges) {
        this.urges = urges;
    }

    @PostMapping("/api/campaigns/{id}/urge")
    UrgeService.Result urge(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                            @RequestBody UrgeRequest body) {
        if (!user.isIn(Roles.REVIEWER) && !user.isIn(Roles.SECTION_HEAD) && !user.isIn(Roles.ADMIN)) {
            throw new Forbidden("只有报送审核人可以催办");
        }
        return urges.urge(id, body == null ? List.of() : body.units(), body == null ? null : body.note(), user.id());
    }
}
