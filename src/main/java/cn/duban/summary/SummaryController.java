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

    SummaryController(SummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/campaigns/{id}/summary")
    CountySummary summary(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅综合监督科人员可以查看全县汇总");
        }
        return summaries.summarize(id);
    }
}
