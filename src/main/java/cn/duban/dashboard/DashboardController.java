package cn.duban.dashboard;

import cn.duban.campaign.CampaignException;
import cn.duban.dashboard.DashboardRules.Bucket;
import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the Cockpit dashboard plugin reads: only operators and the supervision section. */
@RestController
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard/campaigns")
    List<DashboardService.CampaignCard> campaigns(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        require(user);
        return dashboard.campaigns();
    }

    @GetMapping("/api/dashboard/campaigns/{id}")
    DashboardService.Board board(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                 @RequestParam(required = false) String bucket,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        require(user);
        Bucket only = null;
        if (bucket != null && !bucket.isBlank()) {
            try {
                only = Bucket.valueOf(bucket);
            } catch (IllegalArgumentException e) {
                throw new CampaignException("未知的状态筛选：" + bucket + "，可选 " + DashboardService.bucketLabels().keySet());
            }
        }
        return dashboard.board(id, only, page, size);
    }

    private static void require(CurrentUser user) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅运维人员和综合监督科可以查看督办看板");
        }
    }
}
