package cn.duban.mail;

import cn.duban.support.DubanProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works the outbox: sends what is due, one row at a time over a shared SMTP connection; a failure is
 * kept with its error and tried again later (1, 2, 4 … minutes, at most an hour apart) until
 * {@code duban.mail.max-attempts}. A row is marked sent only after the SMTP server took it.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** A due row, with what is needed to send it. */
    record Due(long id, String recipient, String subject, String htmlBody, String textBody, int attempts) {}

    private final JdbcClient jdbc;
    private final JavaMailSender mailSender;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final int perConnection;
    private final boolean enabled;

    public OutboxSender(JdbcClient jdbc, JavaMailSender mailSender, Clock clock, DubanProperties settings) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = settings.mail().from();
        this.maxAttempts = settings.mail().maxAttempts();
        this.perConnection = settings.mail().perConnection();
        boolean enabled = settings.mail().sender().enabled();
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${duban.mail.poll-interval:PT10S}", initialDelayString = "${duban.mail.poll-interval:PT10S}")
    void poll() {
        if (enabled) {
            sendDue();
        }
    }

    /**
     * Sends every mail that is due now, over one SMTP connection (reopened every
     * {@code duban.mail.per-connection} mails, as servers limit mails per connection); returns how many
     * were sent. Each row is claimed before its mail goes out and marked sent right after the server took
     * it, so a crash can repeat at most the one mail in flight. When the server cannot be reached, the
     * rows due in this round all keep that error and back off, without a connection attempt each.
     */
    public int sendDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Due> due = jdbc.sql("""
                SELECT id, recipient, subject, html_body, text_body, attempts FROM duban_outbox
                WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id""")
                .params(Outbox.PENDING, now).query(Due.class).list();
        int sent = 0;
        String unreachable = null;
        try (SmtpConnection smtp = new SmtpConnection()) {
            for (Due mail : due) {
                // claim the row: a second node working the outbox at the same moment finds it claimed
                int claimed = jdbc.sql("UPDATE duban_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND attempts = ? AND status = ?")
                        .params(now.plus(backoff(mail.attempts() + 1)), mail.id(), mail.attempts(), Outbox.PENDING).update();
                if (claimed == 0) {
                    continue;
                }
                if (unreachable != null) {
                    failed(mail, unreachable);
                    continue;
                }
                try {
                    smtp.send(message(mail));
                    jdbc.sql("UPDATE duban_outbox SET status = ?, sent_at = ?, last_error = NULL WHERE id = ?")
                            .params(Outbox.SENT, LocalDateTime.now(clock), mail.id()).update();
                    sent++;
                } catch (Unreachable e) {
                    unreachable = e.getMessage();
                    failed(mail, unreachable);
                } catch (MailException | MessagingException e) {
                    failed(mail, String.valueOf(e.getMessage()));
                    smtp.close(); // the next mail starts on a fresh connection
                }
            }
        }
        return sent;
    }

    private void failed(Due mail, String error) {
        boolean last = mail.attempts() + 1 >= maxAttempts;
        jdbc.sql("UPDATE duban_outbox SET status = ?, last_error = ? WHERE id = ?")
                .params(last ? Outbox.FAILED : Outbox.PENDING, error.length() > 1000 ? error.substring(0, 1000) : error, mail.id())
                .update();
        log.warn("Mail {} to {} not sent (attempt {}): {}", mail.id(), mail.recipient(), mail.attempts() + 1, error);
    }

    /** The SMTP server could not be reached (or refused the login): no mail of this round can go. */
    private static final class Unreachable extends MessagingException {
        Unreachable(MessagingException cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }

    /**
     * One SMTP connection for many mails, with the settings of Spring Boot's {@link JavaMailSenderImpl}
     * ({@code spring.mail.*}); any other {@link JavaMailSender} sends each mail on its own.
     */
    private final class SmtpConnection implements AutoCloseable {

        private Transport transport;
        private int sentOnIt;

        void send(MimeMessage message) throws MessagingException {
            if (!(mailSender instanceof JavaMailSenderImpl impl)) {
                mailSender.send(message);
                return;
            }
            if (transport == null || sentOnIt >= perConnection) {
                close();
                transport = open(impl);
            }
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
            sentOnIt++;
        }

        private Transport open(JavaMailSenderImpl impl) throws Unreachable {
            try {
                String protocol = impl.getProtocol() != null ? impl.getProtocol() : "smtp";
                Transport t = impl.getSession().getTransport(protocol);
                String user = impl.getUsername() == null || impl.getUsername().isEmpty() ? null : impl.getUsername();
                String password = user == null || impl.getPassword() == null || impl.getPassword().isEmpty() ? null : impl.getPassword();
                t.connect(impl.getHost(), impl.getPort(), user, password);
                sentOnIt = 0;
                return t;
            } catch (MessagingException e) {
                throw new Unreachable(e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    }

    private MimeMessage message(Due mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        return message;
    }
}
