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

    /** An urge as the unit's form shows it: with the name of whoever urged. */
    record UrgeView(java.time.LocalDateTime urgedAt, String urgedByName, String note) {}

    private final UrgeService urges;
    private final cn.duban.identity.People people;

    private final cn.duban.campaign.CampaignAccess access;

    UrgeController(UrgeService urges, cn.duban.identity.People people, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.urges = urges;
        this.people = people;
    }

    /** The urges a unit received, for its own people (shown on its open task) and the section. */
    @org.springframework.web.bind.annotation.GetMapping("/api/campaigns/{id}/units/{unit}/urges")
    List<UrgeView> urgesOf(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                           @PathVariable String unit) {
        if (!access.seesUnit(user, id, unit)) {
            throw new Forbidden("只能查看本单位收到的催办");
        }
        List<UrgeService.Urge> list = urges.urgesOf(id, unit);
        var names = people.names(list.stream().map(UrgeService.Urge::urgedBy).toList());
        return list.stream().map(u -> new UrgeView(u.urgedAt(), names.getOrDefault(u.urgedBy(), "综合监督科"), u.note())).toList();
    }

    @PostMapping("/api/campaigns/{id}/urge")
    UrgeService.Result urge(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                            @RequestBody UrgeRequest body) {
        if (!access.reviews(user, id)) {
            throw new Forbidden("只有本通知主办科室的报送审核人和负责人可以催办");
        }
        return urges.urge(id, body == null ? List.of() : body.units(), body == null ? null : body.note(), user.id());
    }
}
