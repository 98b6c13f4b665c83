package cn.duban.mail;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import cn.duban.identity.People;
import cn.duban.identity.Roles;
import cn.duban.unit.Units;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as operators and the section see it: what was sent, what waits, what failed and why. */
@RestController
class OutboxController {

    private final Outbox outbox;
    private final People people;
    private final Units units;

    private final cn.duban.campaign.CampaignAccess access;

    OutboxController(Outbox outbox, People people, Units units, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.outbox = outbox;
        this.people = people;
        this.units = units;
    }

    @GetMapping("/api/outbox")
    List<OutboxMail> outbox(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                            @RequestParam(required = false) String campaignId) {
        // the whole outbox is the operators'; a notice's mails are its watchers' too
        if (campaignId == null ? !user.isOperator() : !access.watches(user, campaignId)) {
            throw new Forbidden(campaignId == null ? "仅运维人员可以查看整个发件箱" : "仅本通知的主办科室、局领导和运维人员可以查看它的邮件");
        }
        return campaignId == null ? outbox.recent(500) : outbox.list(campaignId);
    }

    /** A mail about a unit, with whom it went to as a person reads it: a name, or the unit's mailbox. */
    record UnitMail(@JsonUnwrapped OutboxMail mail, String recipientName) {}

    /** What was mailed about one unit in one campaign, recipients by name (the section's unit page). */
    @GetMapping("/api/campaigns/{id}/units/{unit}/mail")
    List<UnitMail> unitMail(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                            @PathVariable String unit) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看它的邮件");
        Map<String, String> names = new HashMap<>(people.namesByEmail(Roles.unitGroup(unit)));
        units.find(unit).filter(u -> u.mailbox() != null && !u.mailbox().isBlank())
                .ifPresent(u -> names.put(u.mailbox().strip().toLowerCase(Locale.ROOT), u.name() + "（单位邮箱）"));
        return outbox.list(id, unit).stream()
                .map(m -> new UnitMail(m, names.getOrDefault(m.recipient().strip().toLowerCase(Locale.ROOT), "其他收件人")))
                .toList();
    }

}
