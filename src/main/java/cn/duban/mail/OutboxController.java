package cn.duban.mail;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as operators and the section see it: what was sent, what waits, what failed and why. */
@RestController
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/outbox")
    List<OutboxMail> outbox(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                            @RequestParam(required = false) String campaignId) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅综合监督科和运维人员可以查看发件箱");
        }
        return campaignId == null ? outbox.recent(500) : outbox.list(campaignId);
    }
}
