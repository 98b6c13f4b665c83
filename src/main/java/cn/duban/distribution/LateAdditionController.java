package cn.duban.distribution;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.support.Forbidden;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 补发 on the 督办看板: the section (its drafters and its head) sends a running notice to a unit it has not reached. */
@RestController
class LateAdditionController {

    record LateAdditionRequest(String dueDate, String reason) {}

    /** A 补发 as the board shows it: the unit and who sent it, by name. */
    record AddedView(String unitCode, String unitName, LocalDate dueDate, String reason, String addedByName, LocalDateTime addedAt) {}

    private final LateAdditions additions;
    private final People people;
    private final cn.duban.unit.Units units;
    private final cn.duban.campaign.CampaignAccess access;

    LateAdditionController(LateAdditions additions, People people, cn.duban.unit.Units units, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.additions = additions;
        this.people = people;
        this.units = units;
    }

    @GetMapping("/api/campaigns/{id}/late-additions")
    Map<String, Object> list(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看补发记录");
        return Map.of("candidates", additions.candidates(id), "added", additions.added(id).stream().map(this::view).toList(),
                "mayAdd", access.decides(user, id));
    }

    @PostMapping("/api/campaigns/{id}/units/{unit}/late-addition")
    AddedView add(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id, @PathVariable String unit,
                  @RequestBody(required = false) LateAdditionRequest body) {
        if (!access.decides(user, id)) {
            throw new Forbidden("只有本通知主办科室的拟稿人和科长可以补发通知");
        }
        LocalDate due = cn.duban.support.Dates.day(body == null ? null : body.dueDate(), "报送期限");
        return view(additions.add(id, unit, due, body == null ? null : body.reason(), user.id()));
    }

    private AddedView view(cn.duban.report.LateAddition a) {
        String name = people.names(List.of(a.addedBy())).getOrDefault(a.addedBy(), "综合监督科");
        return new AddedView(a.unitCode(), units.find(a.unitCode()).map(cn.duban.unit.Unit::name).orElse(a.unitCode()), a.dueDate(),
                a.reason(), name, a.addedAt());
    }
}
