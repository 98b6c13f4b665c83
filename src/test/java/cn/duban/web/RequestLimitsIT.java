package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.RawHttp;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.ReportDrafts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nothing one request can take down (issue 27 item 6): a body larger than the limit is refused 413 in Chinese before it
 * is read — declared or chunked, on duban's API, /engine-rest and Tasklist's REST path — and nothing changes; an
 * anonymous upload declared at 900 MB is answered 401 and its connection closed without the body being read. Plain
 * sockets, so that a test can declare more than it sends and see the connection end; each read waits at most 10 s, a
 * server that keeps reading fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class RequestLimitsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOO_LARGE = "请求内容过大（超过 4 MB 的上限），未作处理；请精简内容，大的材料请作为附件上传";
    static final long FIVE_MB = 5L * 1024 * 1024;
    static final int TIMEOUT = 10_000;

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired ReportDrafts drafts;

    String campaignId;

    @BeforeEach
    void campaign() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        if (campaignId == null) {
            var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
            campaignId = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
            driver.sign(campaignId, "rmyy");
        }
    }

    @Test
    void anAnonymousUploadDeclaredAt900MbIsAnswered401AndItsConnectionClosedUnread() throws Exception {
        String boundary = "----duban" + System.nanoTime();
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] little = Arrays.copyOf(start, start.length + 1024);
        long declared = 900L * 1024 * 1024;
        long began = System.nanoTime();
        RawHttp.Answer a = RawHttp.send(null, port, "POST /api/campaigns/" + campaignId + "/units/rmyy/attachments HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + declared
                + "\r\n", little, TIMEOUT);
        assertThat(a.status()).as(a.body()).isEqualTo(401);
        assertThat(JSON.readTree(a.body()).get("message").asText()).isEqualTo("请先登录");
        assertThat(a.closed()).as("the connection is closed, not kept to read 900 MB").isTrue();
        assertThat((System.nanoTime() - began) / 1_000_000).as("milliseconds until closed").isLessThan(TIMEOUT);

        // the same to the engine's REST API: refused at once as well, and closed
        RawHttp.Answer rest = RawHttp.send(null, port, "POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + declared + "\r\n", little, TIMEOUT);
        assertThat(rest.status()).isBetween(400, 499);
        assertThat(rest.closed()).isTrue();
    }

    @Test
    void aJsonBodyOverTheLimitIs413InChineseOnEveryPathAndChangesNothing() throws Exception {
        String fill = driver.unitTask(campaignId, "rmyy", UnitReportProcess.FILL_REPORT).getId();
        byte[] part = Arrays.copyOf("{\"values\":{\"1\":\"".getBytes(StandardCharsets.UTF_8), 64 * 1024);

        // duban's API, HTTP Basic: a draft declared at 5 MB, of which 64 KB are sent
        assertTooLarge(RawHttp.send(null, port, "PUT /api/campaigns/" + campaignId + "/units/rmyy/draft HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("rmyy-reporter", "test") + "Content-Type: application/json\r\nContent-Length: " + FIVE_MB + "\r\n", part, TIMEOUT));
        // the engine's REST API: a hand-in of the same size
        assertTooLarge(RawHttp.send(null, port, "POST /engine-rest/task/" + fill + "/submit-form HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("rmyy-reporter", "test") + "Content-Type: application/json\r\nContent-Length: " + FIVE_MB + "\r\n", part, TIMEOUT));
        // Tasklist's own REST path, with the session and its CSRF header
        WebSession tasklist = WebSession.login(port, "rmyy-reporter", "test");
        assertTooLarge(RawHttp.send(null, port, "POST " + WebSession.ENGINE_API + "/task/" + fill + "/submit-form HTTP/1.1\r\n"
                + "Host: localhost\r\n" + tasklist.headerLines() + "Content-Type: application/json\r\nContent-Length: " + FIVE_MB + "\r\n",
                part, TIMEOUT));
        // chunked, its size declared nowhere: counted as it comes and refused past the limit
        assertTooLarge(RawHttp.send(null, port, "PUT /api/campaigns/" + campaignId + "/units/rmyy/draft HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("rmyy-reporter", "test") + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                chunked(draftJson("x".repeat((int) FIVE_MB))), TIMEOUT));

        assertThat(drafts.find(campaignId, "rmyy")).as("no draft saved").isEmpty();
        assertThat(tasks.createTaskQuery().taskId(fill).count()).as("the hand-in not made").isEqualTo(1);

        // a chunked body within the limit is read and handed on whole
        RawHttp.Answer fits = RawHttp.send(null, port, "PUT /api/campaigns/" + campaignId + "/units/rmyy/draft HTTP/1.1\r\n"
                + "Host: localhost\r\n" + RawHttp.basic("rmyy-reporter", "test") + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n", chunked(draftJson("本单位开展了宣传活动")), TIMEOUT);
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
        assertThat(drafts.find(campaignId, "rmyy")).hasValueSatisfying(d -> assertThat(d.report().summary()).isEqualTo("本单位开展了宣传活动"));
    }

    /** A chunked form is read here too: within the limit its parameters reach the login (the throttle and Camunda); beyond, 413. */
    @Test
    void aChunkedFormIsBoundedAndWithinTheLimitReadWhole() throws Exception {
        String login = "POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n";
        RawHttp.Answer in = RawHttp.send(null, port, login + WebSession.atLoginPage(port).headerLines(),
                chunked("username=rmyy-reporter&password=test".getBytes(StandardCharsets.UTF_8)), TIMEOUT);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(JSON.readTree(in.body()).get("userId").asText()).isEqualTo("rmyy-reporter");
        assertTooLarge(RawHttp.send(null, port, login + WebSession.atLoginPage(port).headerLines(), chunked(("username=rmyy-reporter&password=" + "x".repeat((int) FIVE_MB))
                .getBytes(StandardCharsets.UTF_8)), TIMEOUT));
    }

    static void assertTooLarge(RawHttp.Answer a) throws Exception {
        assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(413);
        assertThat(JSON.readTree(a.body()).get("message").asText()).isEqualTo(TOO_LARGE);
        assertThat(a.closed()).isTrue();
    }

    static byte[] draftJson(String summary) throws Exception {
        return JSON.writeValueAsBytes(java.util.Map.of("values", java.util.Map.of(), "summary", summary));
    }

    /** The body in chunks of 64 KB, as a client streaming it would send it. */
    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 64 * 1024) {
            int n = Math.min(64 * 1024, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
