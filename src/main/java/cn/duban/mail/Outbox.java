package cn.duban.mail;

import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import cn.duban.support.InLists;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: mails are queued in the transaction of the event that causes them (a rolled-back event
 * queues nothing), at most once per campaign, unit, kind, due date and recipient.
 */
@Service
public class Outbox {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private static final String COLUMNS = """
            id, kind, campaign_id, unit_code, due_date, recipient, subject, status, attempts, next_attempt_at,
            sent_at, last_error""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    private static final String INSERT_UNLESS_QUEUED = """
            INSERT INTO duban_outbox (kind, campaign_id, unit_code, due_date, recipient, ref, subject, html_body, text_body,
                                      status, attempts, next_attempt_at, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? FROM (VALUES (1)) AS one (x)
            WHERE NOT EXISTS (SELECT 1 FROM duban_outbox
                              WHERE campaign_id = ? AND unit_code = ? AND kind = ? AND due_date = ? AND recipient = ?
                                AND ref = ?)""";

    /**
     * One mail to queue: its content and its key (campaign, unit, kind, due date, recipient, and a reference that
     * tells apart mails of one kind caused by distinct events on one day, such as two urges; empty when there are none).
     */
    public record Queued(MailTemplates.Mail mail, MailKind kind, String campaignId, String unitCode, LocalDate dueDate,
                         String recipient, String ref) {

        public Queued(MailTemplates.Mail mail, MailKind kind, String campaignId, String unitCode, LocalDate dueDate,
                      String recipient) {
            this(mail, kind, campaignId, unitCode, dueDate, recipient, "");
        }

        Object[] args(LocalDateTime now) {
            return new Object[] {kind.name(), campaignId, unitCode, dueDate, recipient, ref, mail.subject(), mail.html(), mail.text(),
                    PENDING, now, now, campaignId, unitCode, kind.name(), dueDate, recipient, ref};
        }
    }

    /** Queues a mail unless the same one is queued already; returns whether it was queued now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(MailTemplates.Mail mail, MailKind kind, String campaignId, String unitCode, LocalDate dueDate, String recipient) {
        return enqueue(new Queued(mail, kind, campaignId, unitCode, dueDate, recipient));
    }

    /** Queues a mail unless the same one (same key, reference included) is queued already; returns whether it was queued now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Queued mail) {
        return jdbc.sql(INSERT_UNLESS_QUEUED).params(mail.args(LocalDateTime.now(clock))).update() == 1;
    }

    /** Queues these mails in JDBC batches, each unless the same one is queued already; returns how many were queued now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(List<Queued> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int queued = 0;
        for (int[] batch : jdbcTemplate.batchUpdate(INSERT_UNLESS_QUEUED, mails, 500,
                (ps, m) -> {
                    Object[] args = m.args(now);
                    for (int i = 0; i < args.length; i++) {
                        StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, args[i]);
                    }
                })) {
            for (int n : batch) {
                // a driver that cannot tell per statement (SUCCESS_NO_INFO) counts as queued
                queued += n == Statement.SUCCESS_NO_INFO ? 1 : n;
            }
        }
        return queued;
    }

    /**
     * What waits in the outbox: mails pending (queued, not yet taken by the SMTP server) and given up, and when the
     * longest-waiting pending mail was queued (null when none waits). One query over the unsent rows (the index on
     * status), whatever the number sent.
     */
    public record Backlog(int pending, int failed, LocalDateTime oldestPendingSince) {}

    @Transactional(readOnly = true)
    public Backlog backlog() {
        int[] counts = new int[2];
        LocalDateTime[] oldest = new LocalDateTime[1];
        jdbc.sql("SELECT status, COUNT(*), MIN(created_at) FROM duban_outbox WHERE status IN (?, ?) GROUP BY status")
                .params(PENDING, FAILED).query((rs, i) -> {
                    if (PENDING.equals(rs.getString(1))) {
                        counts[0] = rs.getInt(2);
                        oldest[0] = rs.getObject(3, LocalDateTime.class);
                    } else {
                        counts[1] = rs.getInt(2);
                    }
                    return null;
                }).list();
        return new Backlog(counts[0], counts[1], oldest[0]);
    }

    /** The pending mail queued longest ago, with its last error: what the operators' alert names. */
    @Transactional(readOnly = true)
    public java.util.Optional<OutboxMail> oldestPending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_outbox WHERE status = ? ORDER BY created_at, id FETCH FIRST 1 ROWS ONLY")
                .param(PENDING).query(OutboxMail.class).optional();
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> list(String campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_outbox WHERE campaign_id = ? ORDER BY id")
                .param(campaignId).query(OutboxMail.class).list();
    }

    /** The mail about one unit in one campaign (reminders, urges, returns), oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMail> list(String campaignId, String unitCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_outbox WHERE campaign_id = ? AND unit_code = ? ORDER BY id")
                .param(campaignId).param(unitCode).query(OutboxMail.class).list();
    }

    @Transactional(readOnly = true)
    public List<OutboxMail> recent(int limit) {
        // the limit in the query: the outbox of a province holds hundreds of thousands of mails with their bodies
        return jdbc.sql("SELECT " + COLUMNS + " FROM duban_outbox ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .param(limit).query(OutboxMail.class).list();
    }

    /**
     * How many reminders of these kinds each of these units was sent in a campaign: one per reminder (kind and due
     * date), not per recipient, counted once issued (queued or sent, not given up on).
     */
    @Transactional(readOnly = true)
    public Map<String, Integer> remindersPerUnit(String campaignId, List<String> unitCodes, List<String> kinds) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> piece : InLists.of(unitCodes)) {
            jdbc.sql("""
                    SELECT unit_code, COUNT(DISTINCT kind || '|' || CAST(due_date AS VARCHAR(10))) FROM duban_outbox
                    WHERE campaign_id = :campaign AND unit_code IN (:units) AND status <> :failed AND kind IN (:kinds)
                    GROUP BY unit_code""")
                    .param("campaign", campaignId).param("units", piece).param("failed", FAILED).param("kinds", kinds)
                    .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        }
        return counts;
    }

    /** A mail as its recipient reads it in 邮件. */
    public record Received(long id, String kind, String subject, String textBody, String status, LocalDateTime createdAt,
                           LocalDateTime sentAt) {}

    /** The mails queued for one address, newest first (an index on recipient, created_at serves it). */
    @Transactional(readOnly = true)
    public List<Received> sentTo(String address, int limit) {
        return jdbc.sql("SELECT id, kind, subject, text_body, status, created_at, sent_at FROM duban_outbox WHERE recipient = ?"
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .params(address, limit).query(Received.class).list();
    }
}
