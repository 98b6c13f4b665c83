package cn.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's homogeneous cluster, as production runs it: two duban nodes — two JVMs — on one PostgreSQL,
 * each with its job executor and its outbox sender, no coordination but the database. Shows that work
 * started on one node is finished on the other, that both job executors share a campaign's distribution,
 * that every mail reaches the SMTP server (GreenMail) once, and that SIGKILL of a node in the middle of a
 * distribution loses no unit and creates none twice once the other node carries on; the killed node then
 * restarts and serves again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    /** Generated township units, on top of the demo county (whose units seed 000 names). */
    static final int EXTRA_UNITS = 300;
    static final String ADMIN_PASSWORD = "Cluster-admin-2026";
    static final String PW = "Cluster-user-2026";
    static final String TEMPLATE = "yiyuan-health-2024-315";
    static final List<String> SEED000_TYPES = List.of("hospital", "mch", "cdc", "enforcement", "specialist", "township");

    EmbeddedPostgres.Builder postgresBuilder;
    EmbeddedPostgres postgres;
    JdbcTemplate db;
    GreenMail smtp;
    Node a;
    Node b;
    List<String> args;
    int expectedUnits;

    @BeforeAll
    void cluster() throws Exception {
        // a fixed port and data directory, kept on stop: the database can go away and come back
        postgresBuilder = EmbeddedPostgres.builder().setPort(freePort())
                .setDataDirectory(Files.createTempDirectory("duban-cluster-pg")).setCleanDataDirectory(false);
        postgres = postgresBuilder.start();
        db = new JdbcTemplate(postgres.getPostgresDatabase());
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path units = Files.createTempFile("duban-cluster-units", ".csv");
        StringBuilder csv = new StringBuilder(new ClassPathResource("units/demo-units.csv").getContentAsString(StandardCharsets.UTF_8).strip());
        for (int i = 0; i < EXTRA_UNITS; i++) {
            csv.append(String.format("%nc%04d,集群测试单位%d,township,c%04d@cluster.test,,,,", i, i, i));
        }
        Files.writeString(units, csv.toString());
        args = List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--server.servlet.session.cookie.secure=false",
                "--duban.units.csv=file:" + units.toAbsolutePath(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--duban.mail.poll-interval=PT1S",
                "--duban.distribution.batch-size=5",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=500",
                // a dead node's jobs are taken over once their lock expires (Camunda's default: 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=15000");
        // the first node creates the schemas; the second finds and checks them
        a = new Node("node-a", freePort(), args).start().awaitUp(Duration.ofMinutes(3));
        b = new Node("node-b", freePort(), args).start().awaitUp(Duration.ofMinutes(3));
        expectedUnits = db.queryForObject("SELECT COUNT(*) FROM duban_unit WHERE active AND type IN ('"
                + String.join("','", SEED000_TYPES) + "')", Integer.class);
        assertThat(expectedUnits).isGreaterThan(EXTRA_UNITS);
        // the section's people, created through node B's REST API as the admin
        for (String[] p : List.of(new String[] {"drafter1", "drafter"}, new String[] {"head1", "section-head"},
                new String[] {"leader1", "leader"})) {
            ok(b.call("POST", "/engine-rest/user/create", "admin", ADMIN_PASSWORD,
                    "{\"profile\":{\"id\":\"" + p[0] + "\",\"firstName\":\"测\",\"lastName\":\"试\",\"email\":\"" + p[0]
                            + "@cluster.test\"},\"credentials\":{\"password\":\"" + PW + "\"}}"));
            ok(b.call("PUT", "/engine-rest/group/" + p[1] + "/members/" + p[0], "admin", ADMIN_PASSWORD, null));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Node n : new Node[] {a, b}) {
            if (n != null) {
                n.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void workStartedOnOneNodeIsFinishedOnTheOtherAndBothShareTheDistribution() throws Exception {
        String id = startAndSignOff(a, b);
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> distributed(id) == expectedUnits && openSignTasks(id) == expectedUnits);
        long distributedIn = (System.nanoTime() - t0) / 1_000_000;
        assertThat(units(id)).isEqualTo(expectedUnits);
        assertNoUnitTwice(id);
        // every batch job ran once, and both job executors ran some
        List<Map<String, Object>> byNode = db.queryForList("""
                SELECT hostname_ AS node, COUNT(*) AS jobs FROM act_hi_job_log
                WHERE act_id_ = 'distributeBatch' AND job_state_ = 2 AND process_instance_id_ IN
                      (SELECT proc_inst_id_ FROM act_hi_procinst WHERE super_process_instance_id_ = ?)
                GROUP BY hostname_""", campaignInstance(id));
        assertThat(byNode).extracting(r -> r.get("node")).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(db.queryForList("""
                SELECT job_id_ FROM act_hi_job_log WHERE act_id_ = 'distributeBatch' AND job_state_ = 2
                GROUP BY job_id_ HAVING COUNT(*) > 1""")).as("a batch job that succeeded twice").isEmpty();
        System.out.printf("distribution of %d units on two nodes: %d ms; batch jobs per node %s%n", expectedUnits, distributedIn, byNode);

        // both outbox senders work the same table: every notice mail reaches the SMTP server once
        await(Duration.ofMinutes(3), () -> pendingMails(id) == 0);
        System.out.printf("all notice mails sent %d ms after the sign-off%n", (System.nanoTime() - t0) / 1_000_000);
        int sent = db.queryForObject("SELECT COUNT(*) FROM duban_outbox WHERE campaign_id = ? AND status = 'SENT'", Integer.class, id);
        assertThat(sent).isGreaterThanOrEqualTo(expectedUnits);
        List<String> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            received.add(m.getAllRecipients()[0] + " " + m.getSubject());
        }
        assertThat(received).hasSize(sent);
        assertThat(new HashSet<>(received)).as("no mail received twice").hasSize(received.size());
    }

    @Test
    @Order(2)
    void killingANodeInTheMiddleOfADistributionLosesNoUnitAndDoublesNone() throws Exception {
        String id = startAndSignOff(b, a);
        // wait until the distribution is under way, then pull node A's plug
        await(Duration.ofMinutes(2), () -> distributed(id) > 0);
        a.kill();
        int before = distributed(id);
        assertThat(before).as("units distributed when node A was killed").isLessThan(expectedUnits);
        System.out.printf("node A killed with %d of %d units distributed%n", before, expectedUnits);
        // node B carries on alone; node A's locked jobs come back to it once their lock expires
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> distributed(id) == expectedUnits && openSignTasks(id) == expectedUnits);
        System.out.printf("node B completed the distribution %d ms after the kill%n", (System.nanoTime() - t0) / 1_000_000);
        assertNoUnitTwice(id);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();

        // node A restarts after the crash and serves again
        a = new Node("node-a", a.port, args).start().awaitUp(Duration.ofMinutes(3));
        HttpResponse<String> tasks = a.call("GET", "/engine-rest/task/count?taskDefinitionKey=signNotice", "admin", ADMIN_PASSWORD, null);
        ok(tasks);
        assertThat(tasks.body()).contains("\"count\":" + (2 * expectedUnits));
    }

    @Test
    @Order(3)
    void theDatabaseGoneForAWhileFailsRequestsClearlyAndTheDistributionCarriesOnAfterwards() throws Exception {
        String id = startAndSignOff(a, b);
        await(Duration.ofMinutes(2), () -> distributed(id) > 0);
        postgres.close();
        try {
            HttpResponse<String> refused = b.call("GET", "/api/dashboard/campaigns", "drafter1", PW, null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("数据库暂时无法连接，本次操作没有保存，请稍后重试");
            assertThat(refused.headers().firstValue("Retry-After")).contains("30");
            Thread.sleep(10_000);
        } finally {
            postgres = postgresBuilder.start();
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
        await(Duration.ofMinutes(4), () -> distributed(id) == expectedUnits && openSignTasks(id) == expectedUnits);
        System.out.printf("distribution completed %d ms after the database came back%n", (System.nanoTime() - t0) / 1_000_000);
        assertNoUnitTwice(id);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
    }

    @Test
    @Order(4)
    void aSingleNodeKilledMidDistributionFinishesItAfterItsRestart() throws Exception {
        b.close();
        String id = startAndSignOff(a, a);
        await(Duration.ofMinutes(2), () -> distributed(id) > 0);
        a.kill();
        int before = distributed(id);
        assertThat(before).isLessThan(expectedUnits);
        a = new Node("node-a", a.port, args).start().awaitUp(Duration.ofMinutes(3));
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(4), () -> distributed(id) == expectedUnits && openSignTasks(id) == expectedUnits);
        System.out.printf("alone, node A killed at %d of %d units; after its restart it finished in %d ms%n",
                before, expectedUnits, (System.nanoTime() - t0) / 1_000_000);
        assertNoUnitTwice(id);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
    }

    /** Starts a campaign on one node; the notice is drafted, reviewed and signed off on the other. */
    String startAndSignOff(Node starter, Node other) throws Exception {
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
        ok(starter.call("POST", "/engine-rest/process-definition/key/campaign/submit-form", "drafter1", PW,
                "{\"variables\":{\"templateCode\":{\"value\":\"" + TEMPLATE + "\",\"type\":\"String\"},"
                        + "\"deadline\":{\"value\":\"" + deadline + "\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}}"));
        String id = db.queryForObject("SELECT id FROM duban_campaign ORDER BY created_at DESC LIMIT 1", String.class);
        complete(other, "drafter1", id, "draftNotice", "{}");
        complete(other, "head1", id, "reviewNotice", "{\"noticeReviewed\":{\"value\":true,\"type\":\"Boolean\"}}");
        complete(other, "leader1", id, "signOffNotice", "{\"noticeSigned\":{\"value\":true,\"type\":\"Boolean\"}}");
        return id;
    }

    void complete(Node node, String user, String campaignId, String taskKey, String variables) throws Exception {
        String taskId = db.queryForObject("""
                SELECT t.id_ FROM act_ru_task t JOIN act_ru_variable v ON v.proc_inst_id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = ? AND v.name_ = 'campaignId' AND v.text_ = ?""", String.class, taskKey, campaignId);
        ok(node.call("POST", "/engine-rest/task/" + taskId + "/submit-form", user, PW, "{\"variables\":" + variables + "}"));
    }

    String campaignInstance(String id) {
        return db.queryForObject("SELECT process_instance_id FROM duban_campaign WHERE id = ?", String.class, id);
    }

    int units(String id) {
        return db.queryForObject("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ?", Integer.class, id);
    }

    /** Units whose report instance exists (the rows are planned first, the instances started batch by batch). */
    int distributed(String id) {
        return db.queryForObject("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ? AND process_instance_id IS NOT NULL",
                Integer.class, id);
    }

    int openSignTasks(String id) {
        return db.queryForObject("""
                SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = 'signNotice' AND e.business_key_ LIKE ?""", Integer.class, id + ":%");
    }

    int pendingMails(String id) {
        return db.queryForObject("SELECT COUNT(*) FROM duban_outbox WHERE campaign_id = ? AND status = 'PENDING'", Integer.class, id);
    }

    /** One unit-report instance per unit, one row per unit, and every unit reached. */
    void assertNoUnitTwice(String id) {
        assertThat(db.queryForList("""
                SELECT business_key_ FROM act_ru_execution WHERE business_key_ LIKE ? AND parent_id_ IS NULL
                GROUP BY business_key_ HAVING COUNT(*) > 1""", id + ":%")).as("units with two report instances").isEmpty();
        Set<String> instances = new HashSet<>(db.queryForList(
                "SELECT business_key_ FROM act_ru_execution WHERE business_key_ LIKE ? AND parent_id_ IS NULL", String.class, id + ":%"));
        assertThat(instances).hasSize(expectedUnits);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM duban_campaign_unit WHERE campaign_id = ? AND process_instance_id IS NULL",
                Integer.class, id)).as("units without a report instance").isZero();
    }

    static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " → " + r.statusCode() + " " + r.body()).isBetween(200, 299);
    }

    static void await(Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
