package cn.duban.mail;

import cn.duban.campaign.Campaign;
import cn.duban.unit.Unit;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Which mail an event causes, to whom: queued in the outbox within the event's own transaction. */
@Service
public class Notifications {

    public static final String NOTICE_ISSUED = "NOTICE_ISSUED";
    public static final String REPORT_RETURNED = "REPORT_RETURNED";

    private final Outbox outbox;
    private final TasklistLinks links;

    public Notifications(Outbox outbox, TasklistLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    /** The unit's mailbox is told that a notice waits to be signed for, with a link to that task. */
    public void noticeIssued(Campaign c, Unit unit, LocalDate due, String taskId) {
        if (unit.mailbox() != null) {
            outbox.enqueue(MailTemplates.noticeIssued(c.title(), c.template().issuer(), unit.name(), due, links.task(taskId)),
                    NOTICE_ISSUED, c.id(), unit.code(), due, unit.mailbox());
        }
    }

    /** The unit's mailbox is told why its report came back and by when to hand it in again. */
    public void reportReturned(Campaign c, Unit unit, String reason, LocalDate newDue) {
        if (unit.mailbox() != null) {
            outbox.enqueue(MailTemplates.reportReturned(c.title(), unit.name(), reason, newDue, links.tasklist()),
                    REPORT_RETURNED, c.id(), unit.code(), newDue, unit.mailbox());
        }
    }
}
