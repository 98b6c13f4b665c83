package cn.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.TestSmtp;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.distribution.DistributionService;
import cn.duban.identity.Roles;
import cn.duban.mail.OutboxSender;
import cn.duban.process.CampaignProcess;
import cn.duban.reminder.ReminderService;
import cn.duban.report.AttachmentService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What the county's IT watches and is told, over real HTTP on the whole application: the actuator for operators only,
 * readiness with duban's parts, the metrics in Prometheus' format, what is deployed; and every alert caused for real —
 * a mail server down while the engine clock moves on, a distribution batch and a daily reminder check that fail, files
 * past the storage threshold — mailed once through the outbox (received by a real SMTP server), shown on the panel,
 * and resolved when the cause is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
@Import({Driver.class, OpsIT.Logging.class})
@TestPropertySource(properties = {"duban.ops.alerts.stored-bytes=40KB", "duban.ops.alerts.min-free-disk=0B",
        "duban.ops.alerts.recipients=it-duty@yiyuan.gov.cn"})
class OpsIT {

    /** A request that writes a log line, as any of duban's requests may. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class Logging {
        @org.springframework.context.annotation.Bean
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> logsALine() {
            return org.springframework.web.servlet.function.RouterFunctions.route().GET("/api/ops-it/log", r -> {
                org.slf4j.LoggerFactory.getLogger(OpsIT.class).warn("一行日志 from a request");
                return org.springframework.web.servlet.function.ServerResponse.ok().body("ok");
            }).build();
        }
    }

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired Alerts alerts;
    @Autowired OutboxSender sender;
    @Autowired JavaMailSender mailSender;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired AttachmentService attachments;
    @Autowired ProcessEngine engine;
    @Autowired org.springframework.context.ApplicationContext context;
    @MockitoSpyBean DistributionService distribution;
    @MockitoSpyBean ReminderService reminders;

    @BeforeEach
    void people() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        driver.user("ops1", Roles.OPERATOR);
        var ops = identityService.createUserQuery().userId("ops1").singleResult();
        ops.setEmail("ops1@yiyuan.gov.cn");
        ops.setFirstName("王");
        ops.setLastName("运维");
        identityService.saveUser(ops);
        // the previous test's alerts are over; each test starts with no mail waiting
        jdbc.sql("UPDATE duban_outbox SET status = 'SENT' WHERE status = 'PENDING'").update();
        alerts.check();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theActuatorIsTheOperatorsAndAdministratorsOnly() {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<String> unit = http.withBasicAuth("rmyy-reporter", "test").getForEntity(path, String.class);
            assertThat(unit.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(unit.getBody()).contains("仅运维人员和系统管理员可以查看运行状态");
            assertThat(http.withBasicAuth("drafter1", "test").getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("ops1", "test").getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth("admin", "admin").getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
    }

    /**
     * The request id is in the log pattern (logging.pattern.correlation), so every appender's line carries it — the
     * console's is read here: Spring Boot configures logging once per JVM, and the first test context of the run (not
     * necessarily this one) decides whether a file is written.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void everyLineARequestLogsCarriesItsRequestId(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        var headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Request-Id", "4f1c2a9e8b7d6c5a4f1c2a9e8b7d6c5a");
        ResponseEntity<String> r = http.withBasicAuth("ops1", "test").exchange("/api/ops-it/log", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getFirst("X-Request-Id")).isEqualTo("4f1c2a9e8b7d6c5a4f1c2a9e8b7d6c5a");
        // nginx's id is taken as it is; without one duban makes its own, and a header that is no plain token is replaced
        String own = http.withBasicAuth("ops1", "test").getForEntity("/api/ops-it/log", String.class).getHeaders().getFirst("X-Request-Id");
        assertThat(own).matches("[0-9a-f]{16}");
        headers.set("X-Request-Id", "not a token] FORGED [x");
        assertThat(http.withBasicAuth("ops1", "test").exchange("/api/ops-it/log", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f]{16}");
        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("[4f1c2a9e8b7d6c5a4f1c2a9e8b7d6c5a]") && l.contains("一行日志 from a request"));
        assertThat(lines).anyMatch(l -> l.contains("[" + own + "]") && l.contains("一行日志 from a request"));
        assertThat(lines).noneMatch(l -> l.contains("FORGED"));
    }

    /**
     * Behind nginx every request comes from nginx's address: the login throttle counts the client's (X-Forwarded-For,
     * trusted from this machine only), so twenty wrong passwords from one office lock that office's address, not the county.
     */
    @Test
    void behindTheProxyTheLoginThrottleCountsTheClientsAddressNotTheProxys() {
        java.util.function.Function<String, HttpStatus> wrongPassword = from -> {
            var h = new org.springframework.http.HttpHeaders();
            h.set("X-Forwarded-For", from);
            h.setBasicAuth("nobody-" + from, "wrong");
            return HttpStatus.valueOf(http.exchange("/api/me", org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(h),
                    String.class).getStatusCode().value());
        };
        for (int i = 0; i < 20; i++) {
            wrongPassword.apply("10.9.8.7");
        }
        assertThat(wrongPassword.apply("10.9.8.7")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(wrongPassword.apply("10.9.8.6")).as("another office behind the same proxy").isEqualTo(HttpStatus.UNAUTHORIZED);
        var ok = new org.springframework.http.HttpHeaders();
        ok.set("X-Forwarded-For", "10.9.8.6");
        ok.setBasicAuth("ops1", "test");
        assertThat(http.exchange("/api/me", org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(ok), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void readinessHasTheDatabaseTheJobExecutorTheOutboxTheJobsAndTheIncidents() throws Exception {
        JsonNode r = JSON.readTree(http.withBasicAuth("ops1", "test").getForEntity("/actuator/health/readiness", String.class).getBody());
        // (Camunda's jobExecutor joins them where the job executor runs: every node, not the tests' engine; TwoNodeClusterIT)
        assertThat(r.get("components").fieldNames()).toIterable()
                .contains("db", "processEngine", "outbox", "jobs", "incidents", "readinessState");
        assertThat(r.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(r.at("/components/outbox/details/pending").isInt()).isTrue();
        assertThat(r.at("/components/jobs/details/executable").isInt()).isTrue();
        assertThat(r.at("/components/incidents/details/open").isInt()).isTrue();
        assertThat(http.withBasicAuth("ops1", "test").getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("ops1", "test").getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // a node not ready (starting: its models not yet deployed, its instances not yet moved) answers 503 to the balancer
        org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(http.withBasicAuth("ops1", "test").getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        } finally {
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(context,
                    org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Test
    void theMetricsSayWhatTheCountyDoesInPrometheusFormat() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy, fybjy]");
        LocalDate due = LocalDate.now(CHINA).plusDays(10);
        String id = driver.issue(driver.startCampaign(t.code(), due.toString()));
        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", Driver.seed000Figures("2"), List.of());
        assertThat(http.withBasicAuth("rmyy-reporter", "wrong").getForEntity("/api/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        String metrics = prometheus();
        assertThat(value(metrics, "duban_reports_handed_in_last_hour")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "duban_tasks_open{application=\"duban\",name=\"签收通知并指定专人\",process=\"unitReport\",step=\"signNotice\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "duban_tasks_open{application=\"duban\",name=\"审核报送\",process=\"unitReport\",step=\"reviewReport\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "duban_attachments_stored_bytes")).isGreaterThan(0);
        assertThat(value(metrics, "duban_login_failures_total")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("duban_outbox_pending", "duban_outbox_failed", "duban_outbox_oldest_pending_age_seconds",
                "duban_jobs_executable", "duban_jobs_oldest_executable_wait_seconds", "duban_jobs_failing", "duban_jobs_out_of_retries",
                "duban_incidents_open{application=\"duban\",type=\"failedJob\"}", "duban_login_locks_active",
                "duban_login_lockouts_total", "duban_units_overdue",
                // Camunda's own, beside duban's, and Spring Boot's
                "camunda_job_successful_total", "camunda_activity_instance_start_total", "hikaricp_connections_active", "jvm_memory_used_bytes");
        assertThat(value(metrics, "camunda_job_successful_total")).isGreaterThanOrEqualTo(1);

        // the deadline passes: the two units that have not handed in are overdue, the one that did is not
        ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atTime(10, 0).atZone(CHINA).toInstant()));
        assertThat(value(prometheus(), "duban_units_overdue")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theInfoSaysWhichSchemaAndWhichProcessVersionsRun() throws Exception {
        JsonNode info = JSON.readTree(http.withBasicAuth("ops1", "test").getForEntity("/actuator/info", String.class).getBody());
        // the newest migration shipped (counted apart, from the files)
        int newest = 0;
        int shipped = 0;
        for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql")) {
            newest = Math.max(newest, Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__"))));
            shipped++;
        }
        assertThat(info.at("/schema/version").asText()).isEqualTo(String.valueOf(newest));
        assertThat(info.at("/schema/applied").size()).isGreaterThanOrEqualTo(shipped);
        assertThat(info.at("/schema/pending").asInt()).isZero();
        JsonNode processes = info.get("processes");
        assertThat(processes.findValuesAsText("key")).contains("campaign", "unitReport", "distribution", "noticeApproval");
        assertThat(processes.get(0).at("/versions/0/deployedAt").isMissingNode()).isFalse();
        assertThat(info.at("/build/version").asText()).isNotBlank();
        assertThat(http.withBasicAuth("ops1", "test").getForEntity("/actuator/flyway", String.class).getBody()).contains("operations");
    }

    @Test
    void aMailServerDownIsOneAlertMailedOnceThroughTheOutboxAndResolvedWhenMailGoesOutAgain() throws Exception {
        int port = TestSmtp.pointSenderAtFreePort(mailSender); // nothing listens there: the relay is down
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        driver.issue(driver.startCampaign(t.code(), LocalDate.now(CHINA).plusDays(10).toString()));
        assertThat(sender.sendDue()).isZero();
        assertThat(alerts.check()).doesNotContain("mail");

        LocalDateTime later = LocalDateTime.now(CHINA).plusMinutes(31);
        ClockUtil.setCurrentTime(Date.from(later.atZone(CHINA).toInstant()));
        sender.sendDue();
        assertThat(alerts.check()).contains("mail");
        assertThat(alerts.check()).contains("mail");
        ClockUtil.setCurrentTime(Date.from(later.plusMinutes(5).atZone(CHINA).toInstant()));
        assertThat(alerts.check()).contains("mail");
        // once per condition: one mail to each operator and administrator and to the configured mailbox, however often it is checked
        assertThat(alertMails("ALERT")).containsExactlyInAnyOrder("ops1@yiyuan.gov.cn", "admin@localhost", "it-duty@yiyuan.gov.cn");
        Alerts.View open = alerts.panel().open().stream().filter(v -> v.kind().equals("MAIL_STALLED")).findFirst().orElseThrow();
        assertThat(open.title()).isEqualTo("邮件已 30 分钟以上未能发出");
        assertThat(open.detail()).contains("通知下发", "共有", "封邮件待发送");
        assertThat(panelJson("ops1")).contains("邮件已 30 分钟以上未能发出");
        assertThat(http.withBasicAuth("drafter1", "test").getForEntity("/api/ops/alerts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the relay is back: the waiting mails go out, the alert among them; the next check resolves it and says so
        GreenMail smtp = TestSmtp.start(port);
        try {
            ClockUtil.setCurrentTime(Date.from(later.plusHours(2).atZone(CHINA).toInstant()));
            sender.sendDue();
            assertThat(alerts.check()).doesNotContain("mail");
            assertThat(alerts.panel().open()).noneMatch(v -> v.kind().equals("MAIL_STALLED"));
            assertThat(alerts.panel().resolved()).anyMatch(v -> v.title().equals("邮件已 30 分钟以上未能发出"));
            assertThat(alertMails("ALERT_RESOLVED")).containsExactlyInAnyOrder("ops1@yiyuan.gov.cn", "admin@localhost", "it-duty@yiyuan.gov.cn");
            sender.sendDue();
            List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals("ops1@yiyuan.gov.cn"))
                    .map(OpsIT::subject).toList();
            assertThat(subjects).containsExactly("【督办系统告警】邮件已 30 分钟以上未能发出", "【督办系统告警解除】邮件已 30 分钟以上未能发出");
            String body = Driver.mailText(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals("ops1@yiyuan.gov.cn"))
                    .findFirst().orElseThrow());
            assertThat(body).contains("运维人员", "通知下发", "请检查邮件中继", "/camunda/app/cockpit/");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aDistributionBatchWithAnIncidentIsAnAlertNamingTheNoticeUntilAnOperatorRetriesIt() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        var campaign = driver.startCampaign(t.code(), LocalDate.now(CHINA).plusDays(10).toString());
        doThrow(new IllegalStateException("模拟：数据库连接中断")).when(distribution).distributeBatch(org.mockito.ArgumentMatchers.anyString(), anyInt());
        String id;
        try {
            id = driver.issue(campaign);
        } finally {
            doCallRealMethod().when(distribution).distributeBatch(org.mockito.ArgumentMatchers.anyString(), anyInt());
        }
        assertThat(alerts.check()).contains("distribution:" + id);
        Alerts.View v = alerts.panel().open().stream().filter(a -> a.kind().equals("DISTRIBUTION_FAILED")).findFirst().orElseThrow();
        assertThat(v.title()).startsWith("《关于印发2024年“3·15”国际消费者权益日活动方案的通知》").endsWith("》通知分发出现故障").doesNotContain(id);
        assertThat(v.detail()).contains("第 1 批单位下发失败", "模拟：数据库连接中断", "监控（Cockpit）");
        assertThat(alertMails("ALERT")).contains("ops1@yiyuan.gov.cn");

        // the operator retries the job from its incident, as Cockpit does; the units are reached; the alert is over
        managementService.createJobQuery().noRetriesLeft().list().forEach(j -> managementService.setJobRetries(j.getId(), 1));
        driver.runJobs();
        assertThat(driver.unitTasks(id, "rmyy", "signNotice")).hasSize(1);
        assertThat(alerts.check()).doesNotContain("distribution:" + id);
        assertThat(alertMails("ALERT_RESOLVED")).contains("ops1@yiyuan.gov.cn");
    }

    @Test
    void aFailedDailyReminderCheckIsAnAlertAtItsFirstFailureAndIsOverWhenItRuns() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now(CHINA).plusDays(10).toString()));
        doThrow(new IllegalStateException("模拟：催报查询超时")).when(reminders).dailyTick(eq(id));
        LocalDate tomorrow = LocalDate.now(CHINA).plusDays(1);
        ClockUtil.setCurrentTime(Date.from(tomorrow.atTime(9, 30).atZone(CHINA).toInstant()));
        var timer = managementService.createJobQuery().processDefinitionKey(CampaignProcess.KEY)
                .activityId(CampaignProcess.DAILY_REMINDER_TIMER).processInstanceId(runningCampaign(id)).singleResult();
        String job = timer.getId();
        String dueAt = java.time.LocalDateTime.ofInstant(timer.getDuedate().toInstant(), CHINA)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        try {
            managementService.executeJob(job);
        } catch (RuntimeException expected) {
            // the check failed once; the engine will try again
        }
        assertThat(alerts.check()).contains("reminder-check:" + id);
        Alerts.View v = alerts.panel().open().stream().filter(a -> a.kind().equals("REMINDER_CHECK_FAILED")).findFirst().orElseThrow();
        assertThat(v.title()).endsWith("》的每日催报检查失败");
        assertThat(v.detail()).contains(dueAt + " 失败", "09:00 失败", "还会自动重试 2 次", "模拟：催报查询超时");

        doCallRealMethod().when(reminders).dailyTick(eq(id));
        driver.runJobs();
        assertThat(alerts.check()).doesNotContain("reminder-check:" + id);
        assertThat(alerts.panel().resolved()).anyMatch(a -> a.kind().equals("REMINDER_CHECK_FAILED"));
    }

    @Test
    void filesPastTheStorageThresholdAreAnAlertUntilTheyGo() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now(CHINA).plusDays(10).toString()));
        driver.sign(id, "rmyy");
        List<Long> staged = new java.util.ArrayList<>();
        while (attachments.storedBytes() < 40 * 1024) {
            staged.add(attachments.stage(id, "rmyy", AttachmentService.SUMMARY, "活动总结.pdf", bigPdf(), "rmyy-reporter").id());
        }
        assertThat(alerts.check()).contains("storage");
        assertThat(alerts.panel().open()).anyMatch(a -> a.title().equals("附件存储量超过告警线") && a.detail().contains("告警线 40.0 KB"));
        staged.forEach(attachments::deleteStaged);
        if (attachments.storedBytes() < 40 * 1024) {
            assertThat(alerts.check()).doesNotContain("storage");
        }
    }

    static byte[] bigPdf() {
        return ("%PDF-1.4\n" + "% 活动总结\n".repeat(2000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    String runningCampaign(String id) {
        return jdbc.sql("SELECT process_instance_id FROM duban_campaign WHERE id = ?").param(id).query(String.class).single();
    }

    List<String> alertMails(String kind) {
        return jdbc.sql("SELECT recipient FROM duban_outbox WHERE kind = ? AND ref = (SELECT MAX(ref) FROM duban_outbox WHERE kind = ?)")
                .params(kind, kind).query(String.class).list();
    }

    String prometheus() {
        ResponseEntity<String> r = http.withBasicAuth("ops1", "test").getForEntity("/actuator/prometheus", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    String panelJson(String user) {
        return http.withBasicAuth(user, "test").getForEntity("/api/ops/alerts", String.class).getBody();
    }

    /** A sample's value in Prometheus' text format, by its name with labels as written. */
    static double value(String metrics, String sample) {
        return metrics.lines().filter(l -> l.startsWith(sample + " ") || (l.startsWith(sample + "{") && !sample.contains("{")))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
