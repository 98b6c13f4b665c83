package cn.duban.summary;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SummaryController {

    private final SummaryService summaries;

    private final cn.duban.campaign.CampaignAccess access;

    SummaryController(SummaryService summaries, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.summaries = summaries;
    }

    @GetMapping("/api/campaigns/{id}/summary")
    CountySummary summary(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看全县汇总");
        return summaries.summarize(id);
    }
}
