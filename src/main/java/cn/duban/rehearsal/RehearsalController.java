package cn.duban.rehearsal;

import cn.duban.campaign.CampaignAccess;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateParser;
import cn.duban.identity.CurrentUser;
import cn.duban.support.Dates;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 试运行 from the drafting form: the notice as built so far, its timeline as if signed off today. */
@RestController
class RehearsalController {

    private final RehearsalService rehearsals;
    private final CampaignAccess access;

    RehearsalController(RehearsalService rehearsals, CampaignAccess access) {
        this.rehearsals = rehearsals;
        this.access = access;
    }

    @PostMapping("/api/campaigns/{id}/draft/rehearsal")
    Map<String, Object> rehearse(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                 @RequestBody CampaignTemplate built, @RequestParam(required = false) String deadline,
                                 @RequestParam(required = false) String signOff) {
        access.requireWatcher(user, id);
        var r = rehearsals.rehearse(id, built, Dates.day(deadline, "报送截止日期"), Dates.day(signOff, "签发日期"));
        return Map.of("signOff", r.signOff(), "units", r.units(), "events", r.events(), "problems", r.problems(),
                "fieldErrors", TemplateParser.byField(r.problems()));
    }
}
