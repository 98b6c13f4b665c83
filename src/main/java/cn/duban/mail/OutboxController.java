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

    OutboxController(Outbox outbox, People people, Units units) {
        this.outbox = outbox;
        this.people = people;
        this.units = units;
    }

    @GetMapping("/api/outbox")
    List<OutboxMail> outbox(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                            @RequestParam(required = false) String campaignId) {
        requireSection(user);
        return campaignId == null ? outbox.recent(500) : outbox.list(campaignId);
    }

    /** A mail about a unit, with whom it went to as a person reads it: a name, or the unit's mailbox. */
    record UnitMail(@JsonUnwrapped OutboxMail mail, String recipientName) {}

    /** What was mailed about one unit in one campaign, recipients by name (the section's unit page). */
    @GetMapping("/api/campaigns/{id}/units/{unit}/mail")
    List<UnitMail> unitMail(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                            @PathVariable String unit) {
        requireSection(user);
        Map<String, String> names = new HashMap<>(people.namesByEmail(Roles.unitGroup(unit)));
        units.find(unit).filter(u -> u.mailbox() != null && !u.mailbox().isBlank())
                .ifPresent(u -> names.put(u.mailbox().strip().toLowerCase(Locale.ROOT), u.name() + "（单位邮箱）"));
        return outbox.list(id, unit).stream()
                .map(m -> new UnitMail(m, names.getOrDefault(m.recipient().strip().toLowerCase(Locale.ROOT), "其他收件人")))
                .toList();
    }

    private static void requireSection(CurrentUser user) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅综合监督科和运维人员可以查看发件箱");
        }
    }
}
