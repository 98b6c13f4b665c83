package cn.duban.audit;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditService audit;

    private final cn.duban.campaign.CampaignAccess access;

    AuditController(AuditService audit, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.audit = audit;
    }

    /**
     * One page of the campaign's audit: {@code kind} = changes (default) | downloads | all, {@code who}, {@code unit},
     * {@code from}/{@code to} (yyyy-MM-dd, inclusive), {@code page} (from 0), {@code size} (1–200, default 50).
     */
    @GetMapping("/api/campaigns/{id}/audit")
    AuditQuery.Page audit(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                          @RequestParam(required = false) String kind, @RequestParam(required = false) String who,
                          @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看审计记录");
        return audit.list(id, AuditQuery.of(kind, who, unit, from, to, page, size));
    }
}
