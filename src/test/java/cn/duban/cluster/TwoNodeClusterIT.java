package cn.duban.cluster;

import static cn.duban.cluster.Cluster.ADMIN_PASSWORD;
import static cn.duban.cluster.Cluster.PW;
import static cn.duban.cluster.Cluster.await;
import static cn.duban.cluster.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.WorkCalendar;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's homogeneous cluster, as production runs it: two duban nodes — two JVMs — on one PostgreSQL,
 * each with its job executor and its outbox sender, no coordination but the database. Shows that work
 * started on one node is finished on the other, that both job executors share a campaign's distribution,
 * that every mail reaches the SMTP server (GreenMail) once, and that SIGKILL of a node in the middle of a
 * distribution loses no unit and creates none twice once the other node carries on; the killed node then
 * restarts and serves again. The database gone for a while, a lone node killed and restarted, and a node
 * killed while it holds the campaigns' daily reminder checks follow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    /** Generated township units, on top of the demo county (whose units seed 000 names). */
    static final int EXTRA_UNITS = 300;

    Cluster c;
    Node a;
    Node b;
    int expectedUnits;
    /** How far the nodes' clocks run ahead (the reminder test moves them to the morning of the first reminders). */
    Duration clockAhead = Duration.ZERO;

    @BeforeAll
    void cluster() throws Exception {
        c = new Cluster(EXTRA_UNITS, List.of(
                "--duban.distribution.batch-size=5",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=500",
                // a dead node's jobs are taken over once their lock expires (Camunda's default: 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=15000"));
        // the first node creates the schemas; the second finds and checks them
        a = c.node("node-a").start().awaitUp(Duration.ofMinutes(3));
        b = c.node("node-b").start().awaitUp(Duration.ofMinutes(3));
        expectedUnits = c.seed000Units();
        assertThat(expectedUnits).isGreaterThan(EXTRA_UNITS);
        c.sectionPeople(b);
    }

    @AfterAll
    void stop() throws Exception {
        for (Node n : new Node[] {a, b}) {
            if (n != null) {
                n.close();
            }
        }
        if (c != null) {
            c.close();
        }
    }

    @Test
    @Order(1)
    void workStartedOnOneNodeIsFinishedOnTheOtherAndBothShareTheDistribution() throws Exception {
        String id = c.startAndSignOff(a, b);
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> c.distributed(id) == expectedUnits && c.openSignTasks(id) == expectedUnits);
        long distributedIn = (System.nanoTime() - t0) / 1_000_000;
        assertThat(c.units(id)).isEqualTo(expectedUnits);
        assertNoUnitTwice(id);
        // every batch job ran once, and both job executors ran some
        List<Map<String, Object>> byNode = c.db.queryForList("""
                SELECT hostname_ AS node, COUNT(*) AS jobs FROM act_hi_job_log
                WHERE act_id_ = 'distributeBatch' AND job_state_ = 2 AND process_instance_id_ IN
                      (SELECT proc_inst_id_ FROM act_hi_procinst WHERE super_process_instance_id_ = ?)
                GROUP BY hostname_""", c.campaignInstance(id));
        assertThat(byNode).extracting(r -> r.get("node")).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(c.db.queryForList("""
                SELECT job_id_ FROM act_hi_job_log WHERE act_id_ = 'distributeBatch' AND job_state_ = 2
                GROUP BY job_id_ HAVING COUNT(*) > 1""")).as("a batch job that succeeded twice").isEmpty();
        System.out.printf("distribution of %d units on two nodes: %d ms; batch jobs per node %s%n", expectedUnits, distributedIn, byNode);

        // both outbox senders work the same table: every notice mail reaches the SMTP server once
        await(Duration.ofMinutes(3), () -> c.pendingMails(id) == 0);
        System.out.printf("all notice mails sent %d ms after the sign-off%n", (System.nanoTime() - t0) / 1_000_000);
        int sent = c.db.queryForObject("SELECT COUNT(*) FROM duban_outbox WHERE campaign_id = ? AND status = 'SENT'", Integer.class, id);
        assertThat(sent).isGreaterThanOrEqualTo(expectedUnits);
        List<String> received = new ArrayList<>();
        for (MimeMessage m : c.smtp.getReceivedMessages()) {
            received.add(m.getAllRecipients()[0] + " " + m.getSubject());
        }
        assertThat(received).hasSize(sent);
        assertThat(new HashSet<>(received)).as("no mail received twice").hasSize(received.size());
    }

    @Test
    @Order(2)
    void killingANodeInTheMiddleOfADistributionLosesNoUnitAndDoublesNone() throws Exception {
        String id = c.startAndSignOff(b, a);
        // wait until the distribution is under way, then pull node A's plug
        await(Duration.ofMinutes(2), () -> c.distributed(id) > 0);
        a.kill();
        int before = c.distributed(id);
        assertThat(before).as("units distributed when node A was killed").isLessThan(expectedUnits);
        System.out.printf("node A killed with %d of %d units distributed%n", before, expectedUnits);
        // node B carries on alone; node A's locked jobs come back to it once their lock expires
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> c.distributed(id) == expectedUnits && c.openSignTasks(id) == expectedUnits);
        System.out.printf("node B completed the distribution %d ms after the kill%n", (System.nanoTime() - t0) / 1_000_000);
        assertNoUnitTwice(id);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();

        // node A restarts after the crash and serves again
        a = new Node("node-a", a.port, c.args).start().awaitUp(Duration.ofMinutes(3));
        HttpResponse<String> tasks = a.call("GET", "/engine-rest/task/count?taskDefinitionKey=signNotice", "admin", ADMIN_PASSWORD, null);
        ok(tasks);
        assertThat(tasks.body()).contains("\"count\":" + (2 * expectedUnits));
    }

    @Test
    @Order(3)
    void theDatabaseGoneForAWhileFailsRequestsClearlyAndTheDistributionCarriesOnAfterwards() throws Exception {
        String id = c.startAndSignOff(a, b);
        await(Duration.ofMinutes(2), () -> c.distributed(id) > 0);
        c.stopDatabase();
        try {
            HttpResponse<String> refused = b.call("GET", "/api/dashboard/campaigns", "drafter1", PW, null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("数据库暂时无法连接，本次操作没有保存，请稍后重试");
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            Thread.sleep(10_000);
        } finally {
            c.startDatabase();
        }
        // the pools reconnect, the job executors acquire again; nothing half-written, nothing doubled
        await(Duration.ofMinutes(2), () -> {
            try {
                return b.call("GET", "/api/dashboard/campaigns", "drafter1", PW, null).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> c.distributed(id) == expectedUnits && c.openSignTasks(id) == expectedUnits);
        System.out.printf("distribution completed %d ms after the database came back%n", (System.nanoTime() - t0) / 1_000_000);
        assertNoUnitTwice(id);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
    }

    @Test
    @Order(4)
    void aSingleNodeKilledMidDistributionFinishesItAfterItsRestart() throws Exception {
        b.close();
        String id = c.startAndSignOff(a, a);
        await(Duration.ofMinutes(2), () -> c.distributed(id) > 0);
        a.kill();
        int before = c.distributed(id);
        assertThat(before).isLessThan(expectedUnits);
        a = new Node("node-a", a.port, c.args).start().awaitUp(Duration.ofMinutes(3));
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> c.distributed(id) == expectedUnits && c.openSignTasks(id) == expectedUnits);
        System.out.printf("alone, node A killed at %d of %d units; after its restart it finished in %d ms%n",
                before, expectedUnits, (System.nanoTime() - t0) / 1_000_000);
        assertNoUnitTwice(id);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
    }

    @Test
    @Order(5)
    void aNodeKilledDuringTheDailyReminderCheckLosesAndDoublesNoReminder() throws Exception {
        // every unit of the four campaigns above still owes its report; their first reminder (3 working days
        // before the due date, at 9:00) is about two weeks away: node A restarts alone with its clock just past it
        int campaigns = c.db.queryForObject("SELECT COUNT(DISTINCT campaign_id) FROM duban_campaign_unit", Integer.class);
        String dailyTimers = "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE d.act_id_ = 'dailyReminderTimer'";
        await(Duration.ofMinutes(2), () -> c.db.queryForObject(dailyTimers, Integer.class) == campaigns); // all four collecting
        a.close();
        LocalDate due = c.db.queryForObject("SELECT MIN(due_date) FROM duban_campaign_unit", LocalDate.class);
        LocalDate firstReminder = new WorkCalendar(JdbcClient.create(c.db.getDataSource())).workingDaysBefore(due, 3);
        Instant nineOClock = firstReminder.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Duration ahead = Duration.between(Instant.now(), nineOClock).plusSeconds(20);
        clockAhead = ahead;
        int owed = c.db.queryForObject("SELECT COUNT(*) FROM duban_campaign_unit", Integer.class);
        c.smtp.purgeEmailFromAllMailboxes();
        a = a.withClockAhead(ahead).start();

        // each campaign's daily check is one job, due at once: as soon as node A has one in hand, pull its plug
        String checks = """
                FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                WHERE d.act_id_ = 'dailyReminderTimer' AND j.lock_owner_ IS NOT NULL""";
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (c.db.queryForObject("SELECT COUNT(*) " + checks, Integer.class) == 0) {
            assertThat(System.nanoTime()).as("node A took a daily check within 3 minutes").isLessThan(end);
            Thread.sleep(10);
        }
        a.kill();
        int before = reminders();
        assertThat(before).as("reminders queued when node A was killed").isLessThan(owed);

        // both nodes start; the killed check's lock expires (15 s here) and one of them runs it again
        long t0 = System.nanoTime();
        a = a.withClockAhead(ahead).start();
        b = b.withClockAhead(ahead).start();
        a.awaitUp(Duration.ofMinutes(3));
        b.awaitUp(Duration.ofMinutes(3));
        await(Duration.ofMinutes(5), () -> reminders() == owed && c.db.queryForObject(
                "SELECT COUNT(*) FROM duban_outbox WHERE kind = 'REMINDER' AND status <> 'SENT'", Integer.class) == 0);
        System.out.printf("daily reminder check: node A killed at %d of %d reminders queued; all queued and sent %d ms later%n",
                before, owed, (System.nanoTime() - t0) / 1_000_000);

        // every unit's reminder queued once (the outbox's key); each campaign's check of that morning
        // succeeded once, by one node or the other; nothing failed
        assertThat(c.db.queryForObject("""
                SELECT COUNT(*) FROM duban_campaign_unit cu WHERE NOT EXISTS (SELECT 1 FROM duban_outbox o
                WHERE o.campaign_id = cu.campaign_id AND o.unit_code = cu.unit_code AND o.kind = 'REMINDER')""", Integer.class))
                .as("units without a reminder").isZero();
        List<Map<String, Object>> succeeded = c.db.queryForList("""
                SELECT l.process_instance_id_ AS campaign, COUNT(*) AS runs, MIN(l.hostname_) AS node FROM act_hi_job_log l
                JOIN act_ru_jobdef d ON d.id_ = l.job_def_id_
                WHERE d.act_id_ = 'dailyReminderTimer' AND l.job_state_ = 2 AND l.timestamp_ >= ?
                GROUP BY l.process_instance_id_""", java.sql.Timestamp.from(nineOClock));
        System.out.printf("daily checks that succeeded: %s%n", succeeded);
        assertThat(succeeded).hasSize(campaigns).allSatisfy(r -> assertThat(((Number) r.get("runs")).intValue()).isOne());
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
        // the SMTP server got each queued reminder; a crash can repeat only the one mail in flight at the kill
        Map<String, Integer> queuedTo = new java.util.HashMap<>();
        c.db.queryForList("SELECT recipient FROM duban_outbox WHERE kind = 'REMINDER'", String.class)
                .forEach(r -> queuedTo.merge(r, 1, Integer::sum));
        Map<String, Integer> receivedBy = new java.util.HashMap<>();
        for (MimeMessage m : c.smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("【督办】催报提醒")) {
                receivedBy.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
        }
        int received = receivedBy.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(received).isBetween(owed, owed + 1);
        queuedTo.forEach((to, n) -> assertThat(receivedBy.getOrDefault(to, 0)).as("reminders received by " + to).isBetween(n, n + 1));
    }

    /**
     * A new version (a schema migration, a changed model: {@link NextVersion}) rolled onto one node of two while units
     * hand in through the other, as docs/operations.md (step 11) says: node B stops and starts on the new version — its
     * Flyway migrates the schema, its deployer deploys the changed model, its migrator moves every running report onto
     * it — while node A, on the previous version, keeps serving the units' sign-offs, uploads and hand-ins. Node A
     * restarting in that window deploys nothing over the newer models; then it is replaced too. Nothing is lost or done
     * twice: every hand-in is one version with its files, every task still finds its form, no job failed or ran twice.
     */
    @Test
    @Order(6)
    void aNewVersionRolledOntoOneNodeOfTwoWhileUnitsHandInLosesNothingAndDoesNothingTwice() throws Exception {
        String next = NextVersion.classpath();
        String id = c.db.queryForObject("SELECT id FROM duban_campaign ORDER BY created_at DESC LIMIT 1", String.class);
        // the demo county's units (the generated ones have no reporter accounts), a dozen of them
        List<String> units = c.db.queryForList("SELECT code FROM duban_unit WHERE code NOT LIKE 'c0%' AND type IN ('"
                + String.join("','", Cluster.SEED000_TYPES) + "') ORDER BY code LIMIT 12", String.class);
        for (String u : units) {
            ok(a.call("PUT", "/engine-rest/user/" + u + "-reporter/credentials", "admin", ADMIN_PASSWORD,
                    "{\"password\":\"" + PW + "\",\"authenticatedUserPassword\":\"" + ADMIN_PASSWORD + "\"}"));
        }
        java.sql.Timestamp since = c.db.queryForObject("SELECT MAX(timestamp_) FROM act_hi_job_log", java.sql.Timestamp.class);
        String before = c.db.queryForObject("SELECT id_ FROM act_re_procdef WHERE key_ = 'unitReport' ORDER BY version_ DESC LIMIT 1", String.class);

        // the units hand in through node A, on the previous version, all through the rollout
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean upgraded = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger beforeReady = new java.util.concurrent.atomic.AtomicInteger();
        Thread handIns = new Thread(() -> {
            try {
                for (String u : units) {
                    String reporter = u + "-reporter";
                    String sign = task(id, u, "signNotice");
                    retrying(retried, () -> a.call("POST", "/engine-rest/task/" + sign + "/submit-form", reporter, PW,
                            "{\"variables\":{\"reporter\":{\"value\":\"" + reporter + "\",\"type\":\"String\"}}}"));
                    String path = "/api/campaigns/" + id + "/units/" + u + "/attachments";
                    retrying(retried, () -> a.upload(path, reporter, PW, "SUMMARY", "活动总结.pdf", cn.duban.Driver.PDF));
                    retrying(retried, () -> a.upload(path, reporter, PW, "PHOTO", "现场.png", cn.duban.Driver.PNG));
                    String report = new cn.duban.report.ReportPayload(cn.duban.Driver.seed000Figures("1"), u + " 开展活动总结", null, List.of()).toJson();
                    String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("variables", Map.of("report",
                            Map.of("value", report, "type", "String", "valueInfo", Map.of("transient", true)))));
                    String fill = task(id, u, "fillReport");
                    retrying(retried, () -> a.call("POST", "/engine-rest/task/" + fill + "/submit-form", reporter, PW, body));
                    if (!upgraded.get()) {
                        beforeReady.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "hand-ins");
        handIns.start();

        // node B is replaced by the next version
        long t0 = System.nanoTime();
        b.close();
        b = new Node("node-b", b.port, c.args).withClockAhead(clockAhead).withClasspath(next).start()
                .awaitReady(Duration.ofMinutes(5), "admin", ADMIN_PASSWORD);
        upgraded.set(true);
        long upgradedIn = (System.nanoTime() - t0) / 1_000_000;
        handIns.join();
        assertThat(failed.get()).as("every hand-in through the previous version's node").isNull();
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM duban_schema_history WHERE version = '9000' AND success", Integer.class)).isOne();
        String after = c.db.queryForObject("SELECT id_ FROM act_re_procdef WHERE key_ = 'unitReport' ORDER BY version_ DESC LIMIT 1", String.class);
        assertThat(after).isNotEqualTo(before);
        assertThat(c.db.queryForObject("SELECT version_tag_ FROM act_re_procdef WHERE id_ = ?", String.class, after)).isEqualTo(NextVersion.VERSION);
        int reports = c.db.queryForObject("SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ "
                + "WHERE e.id_ = e.proc_inst_id_ AND d.key_ = 'unitReport'", Integer.class);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_ AND proc_def_id_ = ?", Integer.class, after))
                .as("every running report moved onto the new model").isEqualTo(reports);
        // the operator sees it: the schema's version and the processes' versions, with what runs on them
        HttpResponse<String> info = b.call("GET", "/actuator/info", "admin", ADMIN_PASSWORD, null);
        ok(info);
        assertThat(info.body()).contains("\"version\":\"9000\"", "\"" + NextVersion.VERSION + "\"", "\"runningInstances\":" + reports);

        // node A, still the previous version, restarts in the window: it deploys nothing over the newer models
        int deployments = c.db.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Integer.class);
        a.kill();
        a = new Node("node-a", a.port, c.args).withClockAhead(clockAhead).start().awaitReady(Duration.ofMinutes(3), "admin", ADMIN_PASSWORD);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Integer.class)).isEqualTo(deployments);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_ AND proc_def_id_ = ?", Integer.class, after))
                .isEqualTo(reports);
        // and is replaced too: the same models, nothing deployed again
        a.close();
        a = new Node("node-a", a.port, c.args).withClockAhead(clockAhead).withClasspath(next).start()
                .awaitReady(Duration.ofMinutes(3), "admin", ADMIN_PASSWORD);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Integer.class)).isEqualTo(deployments);
        System.out.printf("rolling upgrade: node B on the next version after %d ms, %d running reports moved; %d hand-ins through node A "
                + "(%d of them while node B was being replaced), %d step(s) retried%n", upgradedIn, reports, units.size(), beforeReady.get(),
                retried.get());

        // nothing lost or done twice
        for (String u : units) {
            assertThat(c.db.queryForObject("SELECT COUNT(*) FROM duban_report WHERE campaign_id = ? AND unit_code = ?", Integer.class, id, u))
                    .as(u + "'s versions").isOne();
            assertThat(c.db.queryForObject("SELECT status FROM duban_campaign_unit WHERE campaign_id = ? AND unit_code = ?", String.class, id, u))
                    .isEqualTo("SUBMITTED");
            assertThat(c.db.queryForObject("SELECT COUNT(*) FROM duban_attachment a JOIN duban_report r ON r.id = a.report_id "
                    + "WHERE r.campaign_id = ? AND r.unit_code = ?", Integer.class, id, u)).as(u + "'s files").isEqualTo(2);
            String review = task(id, u, "reviewReport");
            ok(a.call("GET", "/engine-rest/task/" + review + "/deployed-form", "admin", ADMIN_PASSWORD, null));
        }
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1 AND timestamp_ > ?", Integer.class, since))
                .as("jobs that failed during the rollout").isZero();
        assertThat(c.db.queryForList("SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 AND timestamp_ > ? GROUP BY job_id_ "
                + "HAVING COUNT(*) > 1", String.class, since)).as("jobs that succeeded twice").isEmpty();
    }

    /** The one open task of that step of a unit's report. */
    String task(String campaignId, String unit, String step) {
        return c.db.queryForObject("""
                SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE e.business_key_ = ? AND t.task_def_key_ = ?""", String.class, campaignId + ":" + unit, step);
    }

    /** A person's step, tried again (up to five times) when the answer is not 2xx: a failed request committed nothing. */
    static void retrying(java.util.concurrent.atomic.AtomicInteger retried, java.util.concurrent.Callable<HttpResponse<String>> step) throws Exception {
        HttpResponse<String> r = step.call();
        for (int i = 0; i < 5 && (r.statusCode() < 200 || r.statusCode() > 299); i++) {
            retried.incrementAndGet();
            r = step.call();
        }
        ok(r);
    }

    int reminders() {
        return c.db.queryForObject("SELECT COUNT(*) FROM duban_outbox WHERE kind = 'REMINDER'", Integer.class);
    }

    /** One unit-report instance per unit, one row per unit, and every unit reached. */
    void assertNoUnitTwice(String id) {
        assertThat(c.db.queryForList("""
                SELECT business_key_ FROM act_ru_execution WHERE business_key_ LIKE ? AND parent_id_ IS NULL
                GROUP BY business_key_ HAVING COUNT(*) > 1""", id + ":%")).as("units with two report instances").isEmpty();
        Set<String> instances = new HashSet<>(c.db.queryForList(
                "SELECT business_key_ FROM act_ru_execution WHERE business_key_ LIKE ? AND parent_id_ IS NULL", String.class, id + ":%"));
        assertThat(instances).hasSize(expectedUnits);
        assertThat(c.db.queryForObject("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ? AND process_instance_id IS NULL",
                Integer.class, id)).as("units without a report instance").isZero();
    }
}
