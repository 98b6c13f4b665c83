package cn.duban.mail;

import cn.duban.campaign.Campaign;
import cn.duban.unit.Unit;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Which mail an event causes, to whom: queued in the outbox within the event's own transaction. */
@Service
public class Notifications {

    private final Outbox outbox;
    private final TasklistLinks links;
    private final cn.duban.identity.People people;
    private final boolean copyUnitMailbox;

    public Notifications(Outbox outbox, TasklistLinks links, cn.duban.identity.People people, cn.duban.support.DubanProperties settings) {
        this.outbox = outbox;
        this.links = links;
        this.people = people;
        this.copyUnitMailbox = settings.mail().copyUnitMailbox();
    }

    /**
     * Who a unit's mail goes to: the named person's own address and, as a copy (or when the person has none), the
     * unit's mailbox.
     */
    java.util.Set<String> to(Unit unit, String person) {
        return to(unit, person, person == null ? java.util.Map.of() : people.emails(java.util.List.of(person)));
    }

    /** The same, with the people's addresses already read (a mail to every unit of a campaign reads them at once). */
    private java.util.Set<String> to(Unit unit, String person, java.util.Map<String, String> emails) {
        java.util.Set<String> to = new java.util.LinkedHashSet<>();
        String own = person == null ? null : emails.get(person);
        if (own != null) {
            to.add(own);
        }
        if ((own == null || copyUnitMailbox) && unit.mailbox() != null) {
            to.add(unit.mailbox());
        }
        return to;
    }

    /** The unit's head (and the unit's mailbox) are told that a notice waits to be signed for, with a link to that task. */
    public void noticeIssued(Campaign c, Unit unit, LocalDate due, String taskId) {
        var mail = MailTemplates.noticeIssued(c.title(), c.template().issuer(), unit.name(), due, links.task(taskId));
        for (String to : to(unit, unit.headUser())) {
            outbox.enqueue(mail, MailKind.NOTICE_ISSUED, c.id(), unit.code(), due, to);
        }
    }

    /**
     * A 督办通报 went out: each unit's head (and the unit's mailbox) receive its text, once per circular ({@code ref}
     * tells two circulars of one day apart); the heads' addresses read at once, the mails queued in JDBC batches.
     * Returns how many were queued.
     */
    public int circularIssued(Campaign c, java.util.Collection<Unit> units, java.util.Set<String> late, long circularId,
                              String circularTitle, String circularText, LocalDate asOf) {
        var emails = people.emails(units.stream().map(Unit::headUser).filter(java.util.Objects::nonNull).toList());
        java.util.List<Outbox.Queued> mails = new java.util.ArrayList<>();
        for (Unit unit : units) {
            var mail = MailTemplates.circularIssued(circularTitle, c.template().issuer(), unit.name(), late.contains(unit.code()),
                    circularText, links.tasklist());
            for (String to : to(unit, unit.headUser(), emails)) {
                mails.add(new Outbox.Queued(mail, MailKind.CIRCULAR_ISSUED, c.id(), unit.code(), asOf, to, "circular:" + circularId));
            }
        }
        return outbox.enqueueAll(mails);
    }

    /** The unit's reporter (and the unit's mailbox) are told why its report came back and by when to hand it in again. */
    public void reportReturned(Campaign c, Unit unit, String returnedBy, String reporter, String reason, LocalDate newDue) {
        var mail = MailTemplates.reportReturned(c.title(), unit.name(), returnedBy, reason, newDue, links.tasklist());
        for (String to : to(unit, reporter)) {
            outbox.enqueue(mail, MailKind.REPORT_RETURNED, c.id(), unit.code(), newDue, to);
        }
    }
}
