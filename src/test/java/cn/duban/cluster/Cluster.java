package cn.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the cluster test and the cluster benchmark share: one PostgreSQL server (io.zonky embedded, on a
 * fixed port and data directory so that it can be stopped and started again), one SMTP server
 * (GreenMail), the demo county's units plus generated township units, the production-profile arguments
 * every duban node gets, and the calls made on the nodes and the database.
 */
final class Cluster implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Cluster-admin-2026";
    static final String PW = "Cluster-user-2026";
    static final String TEMPLATE = "yiyuan-health-2024-315";
    static final List<String> SEED000_TYPES = List.of("hospital", "mch", "cdc", "enforcement", "specialist", "township");

    private final EmbeddedPostgres.Builder postgresBuilder;
    private EmbeddedPostgres postgres;
    final JdbcTemplate db;
    final GreenMail smtp;
    final List<String> args;
    private final int registryUnits;
    /**
     * One deadline for every campaign of a run, fixed when the cluster starts: a run that crosses midnight
     * in Shanghai would otherwise give its later campaigns a later due date, and so a later first reminder.
     */
    private final String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).toString();

    /**
     * @param extraUnits generated township units on top of the demo county (whose units seed 000 names)
     * @param extraArgs  further arguments for every node
     */
    Cluster(int extraUnits, List<String> extraArgs) throws IOException {
        this(extraUnits, false, extraArgs);
    }

    /**
     * @param reporters whether each generated unit has a reporter account ({@code c00042-reporter}, password
     *                  {@link #PW}), for benchmarks that log in as the units
     */
    Cluster(int extraUnits, boolean reporters, List<String> extraArgs) throws IOException {
        postgresBuilder = EmbeddedPostgres.builder().setPort(freePort())
                .setDataDirectory(Files.createTempDirectory("duban-cluster-pg")).setCleanDataDirectory(false);
        postgres = postgresBuilder.start();
        DataSource ds = postgres.getPostgresDatabase();
        db = new JdbcTemplate(ds);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path units = Files.createTempFile("duban-cluster-units", ".csv");
        StringBuilder csv = new StringBuilder(new ClassPathResource("units/demo-units.csv").getContentAsString(StandardCharsets.UTF_8).strip());
        for (int i = 0; i < extraUnits; i++) {
            csv.append(reporters
                    ? String.format("%nc%05d,集群测试单位%d,township,c%05d@cluster.test,,,报送员%d,c%05d-reporter", i, i, i, i, i)
                    : String.format("%nc%05d,集群测试单位%d,township,c%05d@cluster.test,,,,", i, i, i));
        }
        Files.writeString(units, csv.toString());
        registryUnits = (int) csv.toString().lines().skip(1).count();
        List<String> a = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--server.servlet.session.cookie.secure=false",
                "--duban.units.csv=file:" + units.toAbsolutePath(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--duban.mail.poll-interval=PT1S",
                // production refuses to start without the mails' sender and links (identity.ProductionSettings)
                "--duban.mail.from=duban@cluster.test", "--duban.mail.tasklist-url=http://duban.cluster.test/camunda/app/tasklist/default/"));
        if (reporters) {
            a.add("--duban.demo.password=" + PW); // the initial password of the accounts the unit registry creates
        }
        a.addAll(extraArgs);
        args = List.copyOf(a);
    }

    Node node(String name) throws IOException {
        return new Node(name, freePort(), args);
    }

    void stopDatabase() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void startDatabase() throws IOException {
        postgres = postgresBuilder.start();
    }

    /**
     * Units seed 000 reaches: active units of its types — once the first node has loaded the whole unit
     * registry (it does so after it starts answering HTTP).
     */
    int seed000Units() throws InterruptedException {
        await(Duration.ofMinutes(2), () -> db.queryForObject("SELECT COUNT(*) FROM duban_unit", Integer.class) >= registryUnits);
        return db.queryForObject("SELECT COUNT(*) FROM duban_unit WHERE active AND type IN ('"
                + String.join("','", SEED000_TYPES) + "')", Integer.class);
    }

    /** The section's drafter, section head and leader, created through a node's REST API as the admin. */
    void sectionPeople(Node via) throws Exception {
        for (String[] p : List.of(new String[] {"drafter1", "drafter"}, new String[] {"head1", "section-head"},
                new String[] {"leader1", "leader"})) {
            ok(via.call("POST", "/engine-rest/user/create", "admin", ADMIN_PASSWORD,
                    "{\"profile\":{\"id\":\"" + p[0] + "\",\"firstName\":\"测\",\"lastName\":\"试\",\"email\":\"" + p[0]
                            + "@cluster.test\"},\"credentials\":{\"password\":\"" + PW + "\"}}"));
            ok(via.call("PUT", "/engine-rest/group/" + p[1] + "/members/" + p[0], "admin", ADMIN_PASSWORD, null));
        }
    }

    /** Starts a seed-000 campaign on one node; the notice is drafted, reviewed and signed off on the other. */
    String startAndSignOff(Node starter, Node other) throws Exception {
        ok(starter.call("POST", "/engine-rest/process-definition/key/campaign/submit-form", "drafter1", PW,
                "{\"variables\":{\"templateCode\":{\"value\":\"" + TEMPLATE + "\",\"type\":\"String\"},"
                        + "\"deadline\":{\"value\":\"" + deadline + "\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}}"));
        String id = db.queryForObject("SELECT id FROM duban_campaign ORDER BY created_at DESC LIMIT 1", String.class);
        complete(other, "drafter1", id, "draftNotice", "{}");
        complete(other, "head1", id, "reviewNotice", "{\"noticeReviewed\":{\"value\":true,\"type\":\"Boolean\"}}");
        complete(other, "leader1", id, "signOffNotice", "{\"noticeSigned\":{\"value\":true,\"type\":\"Boolean\"}}");
        return id;
    }

    private void complete(Node node, String user, String campaignId, String taskKey, String variables) throws Exception {
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

    @Override
    public void close() throws IOException {
        smtp.stop();
        postgres.close();
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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
