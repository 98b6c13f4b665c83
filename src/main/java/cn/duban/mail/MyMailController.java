package cn.duban.mail;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * 邮件: the mails duban addressed to the person, as they were written, to read in Tasklist (issue #16: in the demo
 * nobody can open the SMTP server's mailboxes; in production it is a record of what one was sent). Only one's own.
 */
@RestController
class MyMailController {

    /** The most recent mails shown. */
    static final int LIMIT = 100;

    record MailView(long id, String kindLabel, String subject, String text, String statusLabel, LocalDateTime createdAt,
                    LocalDateTime sentAt) {}

    record Inbox(String address, List<MailView> mails) {}

    private final Outbox outbox;
    private final People people;

    MyMailController(Outbox outbox, People people) {
        this.outbox = outbox;
        this.people = people;
    }

    @GetMapping("/api/my/mail")
    Inbox mine(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        String address = people.emails(List.of(user.id())).get(user.id());
        if (address == null) {
            return new Inbox(null, List.of());
        }
        return new Inbox(address, outbox.sentTo(address, LIMIT).stream().map(m -> new MailView(m.id(),
                MailKinds.kind(m.kind()), m.subject(), m.textBody(), MailKinds.status(m.status()), m.createdAt(),
                m.sentAt())).toList());
    }
}
