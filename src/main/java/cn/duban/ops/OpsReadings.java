package cn.duban.ops;

import cn.duban.campaign.CampaignService;
import cn.duban.identity.LoginThrottle;
import cn.duban.mail.Outbox;
import cn.duban.report.AttachmentService;
import cn.duban.report.ReportFigures;
import cn.duban.support.Cached;
import cn.duban.support.DubanProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the operators watch, read from the database: each reading is one query (the overdue units two: the collecting
 * campaigns' deadlines, then one GROUP BY over their units), kept for {@code duban.ops.metrics-cache} (15 s) and
 * shared by every gauge, health check and alert that uses it, whatever the number of scrapes. Values are the whole
 * cluster's (every node reads the same database): in Prometheus, take one node's value (max), never the sum.
 *
 * <p>The engine's tables are read with plain SQL, one GROUP BY each, rather than through the engine's queries (one
 * count per step or type).
 */
@Component
public class OpsReadings {

    /** Jobs as the job executor sees them: due and free to take, failing, out of retries (each of those has an incident). */
    public record Jobs(int executable, Date oldestExecutableDue, int failing, int outOfRetries) {

        /** How long the job that has waited longest to be taken has waited, at {@code now}; zero when none waits. */
        public Duration longestWait(Date now) {
            return oldestExecutableDue == null ? Duration.ZERO
                    : Duration.ofMillis(Math.max(0, now.getTime() - oldestExecutableDue.getTime()));
        }
    }

    private final Cached<Outbox.Backlog> outbox;
    private final Cached<Jobs> jobs;
    private final Cached<Map<String, Integer>> incidents;
    private final Cached<Map<String, Integer>> openTasks;
    private final Cached<Integer> overdueUnits;
    private final Cached<Integer> handInsLastHour;
    private final Cached<Long> storedBytes;
    private final Cached<Integer> activeLocks;

    OpsReadings(JdbcClient jdbc, Clock clock, DubanProperties settings, Outbox outboxMails, CampaignService campaigns,
                ReportFigures figures, AttachmentService attachments, LoginThrottle throttle) {
        Duration ttl = settings.ops().metricsCache();
        this.outbox = new Cached<>(ttl, outboxMails::backlog);
        this.jobs = new Cached<>(ttl, () -> readJobs(jdbc));
        this.incidents = new Cached<>(ttl, () -> counts(jdbc, "SELECT INCIDENT_TYPE_, COUNT(*) FROM ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_"));
        this.openTasks = new Cached<>(ttl, () -> counts(jdbc, """
                SELECT d.KEY_ || '/' || t.TASK_DEF_KEY_, COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
                GROUP BY d.KEY_, t.TASK_DEF_KEY_"""));
        this.overdueUnits = new Cached<>(ttl, () -> figures.overdueUnits(campaigns.collectingDeadlines(), LocalDate.now(clock)));
        this.handInsLastHour = new Cached<>(ttl, () -> figures.handInsSince(LocalDateTime.now(clock).minusHours(1)));
        this.storedBytes = new Cached<>(ttl, attachments::storedBytes);
        this.activeLocks = new Cached<>(ttl, throttle::activeLocks);
    }

    public Outbox.Backlog outbox() {
        return outbox.get();
    }

    public Jobs jobs() {
        return jobs.get();
    }

    /** Open incidents by type ({@code failedJob}, {@code failedExternalTask}). */
    public Map<String, Integer> incidents() {
        return incidents.get();
    }

    /** Open tasks by process and step: {@code unitReport/fillReport} → count. */
    public Map<String, Integer> openTasks() {
        return openTasks.get();
    }

    /** Units overdue in the campaigns collecting reports, as every screen counts them (report.Lateness). */
    public int overdueUnits() {
        return overdueUnits.get();
    }

    /** Report versions handed in during the last hour (the engine clock's), in every campaign. */
    public int handInsLastHour() {
        return handInsLastHour.get();
    }

    /** Bytes of every uploaded file, all campaigns together. */
    public long storedBytes() {
        return storedBytes.get();
    }

    /** Login locks in force (accounts from an address, and addresses). */
    public int activeLocks() {
        return activeLocks.get();
    }

    /** The engine's time now (what its job executor compares due dates with). */
    public Date now() {
        return ClockUtil.getCurrentTime();
    }

    /** Every reading read again at its next use (the alert check, which must see now what it acts on). */
    void refresh() {
        for (Cached<?> c : java.util.List.of(outbox, jobs, incidents, openTasks, overdueUnits, handInsLastHour, storedBytes, activeLocks)) {
            c.invalidate();
        }
    }

    private static Jobs readJobs(JdbcClient jdbc) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        String executable = "RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= :now)"
                + " AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < :now)";
        return jdbc.sql("SELECT SUM(CASE WHEN " + executable + " THEN 1 ELSE 0 END),"
                        + " MIN(CASE WHEN " + executable + " THEN COALESCE(DUEDATE_, CREATE_TIME_) END),"
                        + " SUM(CASE WHEN RETRIES_ > 0 AND EXCEPTION_MSG_ IS NOT NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN RETRIES_ = 0 THEN 1 ELSE 0 END) FROM ACT_RU_JOB")
                .param("now", now)
                .query((rs, i) -> new Jobs(rs.getInt(1), rs.getTimestamp(2), rs.getInt(3), rs.getInt(4))).single();
    }

    private static Map<String, Integer> counts(JdbcClient jdbc, String sql) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql(sql).query((rs, i) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return Map.copyOf(out);
    }
}
