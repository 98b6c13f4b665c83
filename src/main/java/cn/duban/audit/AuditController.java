package cn.duban.audit;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/campaigns/{id}/audit")
    List<AuditEntry> audit(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅综合监督科和运维人员可以查看审计记录");
        }
        return audit.list(id);
    }
}
