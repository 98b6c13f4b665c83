package cn.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.DubanApplication;
import cn.duban.Driver;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.mail.OutboxSender;
import cn.duban.process.CampaignProcess;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.AttachmentService;
import com.icegreen.greenmail.util.GreenMail;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documented backup taken while units hand in, restored into an empty database, and duban started on it (issue 31
 * §3), the same story on PostgreSQL (pg_dump) and on the embedded H2 (its online backup with the attachments):
 *
 * <ol>
 *   <li>a campaign of eight units is issued on Monday 14 December 2026; six units sign, two do not; at 09:30 the day's
 *       check queues the first reminders, and they are sent (a real SMTP server);
 *   <li>the six units hand in their figures with a summary and a photo, one after another, while the backup is taken;
 *   <li>the node is lost (its context closed, nothing sent after the backup); the backup is restored into an empty
 *       database (and file store), and a new node starts on it;
 *   <li>everything the live database held when the backup began is back, and nothing half: every campaign, every
 *       version with its figures, every file's bytes (SHA-256, read through duban's own door), every open task and the
 *       daily check's timer;
 *   <li>the new node resumes: a unit hands in on its open task, the check of that morning does not run again, and the
 *       last reminder on Wednesday is queued once per unit still owing; every mail of the outbox reached the SMTP
 *       server exactly once, across both nodes.
 * </ol>
 */
abstract class BackupRestoreScenario {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> HANDING_IN = List.of("rmyy", "zyy", "fybjy", "jkzx", "jdzfdd", "jswszx");
    static final List<String> NOT_SIGNED = List.of("zxxz", "jjzx");

    GreenMail smtp;

    /** The live node's arguments (its database, file store, mail server). */
    abstract List<String> liveArgs();

    /** Takes the backup of the live node while units hand in (the documented way). */
    abstract void backup(ConfigurableApplicationContext live) throws Exception;

    /** Restores the backup into an empty database (and file store); returns the restored node's arguments. */
    abstract List<String> restore() throws Exception;

    @AfterEach
    void stop() {
        ClockUtil.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theBackupTakenWhileUnitsHandInRestoresEverythingAndTheRestoredNodeRemindsOnce() throws Exception {
        smtp = cn.duban.TestSmtp.start(cn.duban.cluster.ClusterAccess.freePort());
        at(LocalDate.of(2026, 12, 14).atTime(8, 0).atZone(CHINA));
        ConfigurableApplicationContext live = start(liveArgs());
        String id;
        long lastBeforeBackup;
        Map<String, Object> live0;
        try {
            Driver d = live.getBean(Driver.class);
            d.sectionPeople();
            CampaignTemplate t = d.uploadVariant("campaigns/yiyuan-health-2024-315.yaml",
                    "  units: [" + String.join(", ", HANDING_IN) + ", " + String.join(", ", NOT_SIGNED) + "]");
            id = d.issue(d.startCampaign(t.code(), "2026-12-17"));
            HANDING_IN.forEach(u -> d.sign(id, u));
            at(LocalDate.of(2026, 12, 14).atTime(9, 30).atZone(CHINA));
            d.runJobs();
            assertThat(jdbc(live).sql("SELECT COUNT(*) FROM duban_outbox WHERE campaign_id = ? AND kind = 'REMINDER'").param(id)
                    .query(Integer.class).single()).as("the first reminders").isPositive();
            live.getBean(OutboxSender.class).sendDue();
            assertThat(pending(live)).isZero();

            // units hand in, one after another, while the backup is taken
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread handIns = new Thread(() -> {
                try {
                    for (String u : HANDING_IN) {
                        d.stage(id, u, true, true);
                        d.handIn(id, u, Driver.seed000Figures(String.valueOf(HANDING_IN.indexOf(u) + 1)), List.of());
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            }, "hand-ins");
            handIns.start();
            while (versions(live) < 2 && handIns.isAlive()) {
                Thread.sleep(20);
            }
            lastBeforeBackup = jdbc(live).sql("SELECT COALESCE(MAX(id), 0) FROM duban_report").query(Long.class).single();
            backup(live);
            handIns.join();
            assertThat(failed.get()).as("every hand-in went through during the backup").isNull();
            assertThat(versions(live)).isEqualTo(HANDING_IN.size());
            live0 = snapshot(jdbc(live));
        } finally {
            live.close(); // the node is lost: nothing of it is sent or done after the backup
        }

        List<String> restoredArgs = restore();
        ConfigurableApplicationContext restored = start(restoredArgs);
        try {
            JdbcClient db = jdbc(restored);
            Map<String, Object> back = snapshot(db);
            // what the live database held when the backup began is back
            assertThat(back.get("campaigns")).isEqualTo(live0.get("campaigns"));
            @SuppressWarnings("unchecked") Map<Long, String> liveVersions = (Map<Long, String>) live0.get("versions");
            @SuppressWarnings("unchecked") Map<Long, String> backVersions = (Map<Long, String>) back.get("versions");
            assertThat(backVersions.keySet()).as("every version handed in before the backup began")
                    .containsAll(liveVersions.keySet().stream().filter(v -> v <= lastBeforeBackup).toList());
            System.out.printf("backup held %d of %d hand-ins (the rest came during the backup)%n", backVersions.size(), liveVersions.size());
            // and nothing half: each version as it was, with its figures and its files
            backVersions.forEach((v, row) -> assertThat(row).as("version " + v).isEqualTo(liveVersions.get(v)));
            @SuppressWarnings("unchecked") Map<Long, String> liveFiles = (Map<Long, String>) live0.get("files");
            @SuppressWarnings("unchecked") Map<Long, String> backFiles = (Map<Long, String>) back.get("files");
            backFiles.forEach((f, row) -> {
                // a file staged when the backup began is back staged (its version came later); one handed in, with its version
                String[] b = row.split("\\|", 2);
                String[] l = liveFiles.get(f).split("\\|", 2);
                assertThat(b[1]).as("file " + f).isEqualTo(l[1]);
                assertThat(b[0]).as("file " + f + "'s version").isIn("null", l[0]);
                if (!"null".equals(b[0])) {
                    assertThat(backVersions).containsKey(Long.valueOf(b[0]));
                }
            });
            AttachmentService attachments = restored.getBean(AttachmentService.class);
            for (var f : db.sql("SELECT id, sha256, size_bytes FROM duban_attachment").query((rs, i) -> new Object[] {rs.getLong(1),
                    rs.getString(2), rs.getLong(3)}).list()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long[] size = {0};
                attachments.copyTo((Long) f[0], new OutputStream() {
                    @Override
                    public void write(int b) {
                        sha.update((byte) b);
                        size[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        sha.update(b, off, len);
                        size[0] += len;
                    }
                });
                assertThat(HexFormat.of().formatHex(sha.digest())).as("the bytes of file " + f[0]).isEqualTo(f[1]);
                assertThat(size[0]).isEqualTo((Long) f[2]);
            }
            assertThat(backFiles).as("every handed-in version's files").hasSizeGreaterThanOrEqualTo(2 * backVersions.size());
            // every open task and the daily check's timer
            Driver d = restored.getBean(Driver.class);
            for (String u : NOT_SIGNED) {
                assertThat(d.unitTasks(id, u, UnitReportProcess.SIGN_NOTICE)).as(u).hasSize(1);
            }
            for (String u : HANDING_IN) {
                String step = db.sql("SELECT status FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?").params(id, u)
                        .query(String.class).single();
                assertThat(d.unitTasks(id, u, "SUBMITTED".equals(step) ? UnitReportProcess.REVIEW_REPORT : UnitReportProcess.FILL_REPORT))
                        .as(u + " (" + step + ")").hasSize(1);
            }
            ManagementService management = restored.getBean(ManagementService.class);
            String instance = db.sql("SELECT process_instance_id FROM duban_campaign WHERE id = ?").param(id).query(String.class).single();
            var timer = management.createJobQuery().processInstanceId(instance).activityId(CampaignProcess.DAILY_REMINDER_TIMER).singleResult();
            assertThat(timer.getDuedate().toInstant()).isEqualTo(LocalDate.of(2026, 12, 15).atTime(9, 0).atZone(CHINA).toInstant());

            // the restored node resumes: the units whose hand-in the backup missed hand in again on their open task
            at(LocalDate.of(2026, 12, 14).atTime(10, 30).atZone(CHINA));
            int remindersBefore = reminders(db, id);
            for (String u : HANDING_IN) {
                if (!d.unitTasks(id, u, UnitReportProcess.FILL_REPORT).isEmpty()) {
                    d.stage(id, u, true, true);
                    d.handIn(id, u, Driver.seed000Figures("9"), List.of());
                }
            }
            d.runJobs();
            assertThat(reminders(db, id)).as("the morning's check does not run again").isEqualTo(remindersBefore);
            restored.getBean(OutboxSender.class).sendDue();
            // Wednesday: the last reminder, once per unit still owing
            at(LocalDate.of(2026, 12, 16).atTime(9, 30).atZone(CHINA));
            d.runJobs();
            restored.getBean(OutboxSender.class).sendDue();
            for (String u : NOT_SIGNED) {
                assertThat(db.sql("SELECT COUNT(DISTINCT due_date) FROM duban_outbox WHERE campaign_id = ? AND unit_code = ? AND kind = 'LAST_REMINDER'")
                        .params(id, u).query(Integer.class).single()).as(u).isEqualTo(1);
            }
            assertThat(pending(restored)).isZero();
            int sent = db.sql("SELECT COUNT(*) FROM duban_outbox WHERE status = 'SENT'").query(Integer.class).single();
            assertThat(smtp.getReceivedMessages()).as("every mail of the outbox reached the SMTP server exactly once, across both nodes")
                    .hasSize(sent);
        } finally {
            restored.close();
        }
    }

    ConfigurableApplicationContext start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        all.add("--spring.mail.host=127.0.0.1");
        all.add("--spring.mail.port=" + smtp.getSmtp().getPort());
        return new SpringApplicationBuilder(DubanApplication.class, Driver.class).profiles("test").run(all.toArray(String[]::new));
    }

    static JdbcClient jdbc(ConfigurableApplicationContext c) {
        return c.getBean(JdbcClient.class);
    }

    static int versions(ConfigurableApplicationContext c) {
        return jdbc(c).sql("SELECT COUNT(*) FROM duban_report").query(Integer.class).single();
    }

    static int pending(ConfigurableApplicationContext c) {
        return jdbc(c).sql("SELECT COUNT(*) FROM duban_outbox WHERE status = 'PENDING'").query(Integer.class).single();
    }

    static int reminders(JdbcClient db, String id) {
        return db.sql("SELECT COUNT(*) FROM duban_outbox WHERE campaign_id = ? AND kind IN ('REMINDER', 'LAST_REMINDER', 'OVERDUE')")
                .param(id).query(Integer.class).single();
    }

    /** Campaigns, versions with their figures, and files, each as one comparable line. */
    static Map<String, Object> snapshot(JdbcClient db) {
        Map<String, Object> out = new TreeMap<>();
        out.put("campaigns", db.sql("SELECT id, title, status, deadline, template_json, process_instance_id FROM duban_campaign ORDER BY id")
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5).hashCode() + "|" + rs.getString(6)).list());
        Map<Long, String> versions = new TreeMap<>();
        db.sql("SELECT id, campaign_id, unit_code, version, status, submitted_by, submitted_at FROM duban_report").query((rs, i) ->
                versions.put(rs.getLong(1), rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|" + rs.getString(5) + "|"
                        + rs.getString(6) + "|" + rs.getObject(7, java.time.LocalDateTime.class))).list();
        db.sql("SELECT report_id, indicator_code, amount FROM duban_report_value ORDER BY report_id, indicator_code").query((rs, i) -> {
            String figure = "|" + rs.getString(2) + "=" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString();
            return versions.computeIfPresent(rs.getLong(1), (k, v) -> v + figure);
        }).list();
        out.put("versions", versions);
        Map<Long, String> files = new TreeMap<>();
        db.sql("SELECT id, report_id, unit_code, kind, filename, size_bytes, sha256 FROM duban_attachment").query((rs, i) ->
                files.put(rs.getLong(1), rs.getObject(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5) + "|"
                        + rs.getLong(6) + "|" + rs.getString(7))).list();
        out.put("files", files);
        return out;
    }

    static void at(ZonedDateTime t) {
        ClockUtil.setCurrentTime(Date.from(t.toInstant()));
    }
}
