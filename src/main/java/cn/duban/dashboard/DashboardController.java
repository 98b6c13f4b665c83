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

    private final cn.duban.campaign.CampaignAccess access;

    DashboardController(DashboardService dashboard, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard/campaigns")
    List<DashboardService.CampaignCard> campaigns(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        require(user);
        // every office's notices for the bureau's leaders and operators; an office's people see their office's
        return dashboard.campaigns(user::watchesOffice);
    }

    @GetMapping("/api/dashboard/campaigns/{id}")
    DashboardService.Board board(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                                 @RequestParam(required = false) String bucket,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看它的督办看板");
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
            throw new Forbidden("仅局机关人员和运维人员可以查看督办看板");
        }
    }
}
