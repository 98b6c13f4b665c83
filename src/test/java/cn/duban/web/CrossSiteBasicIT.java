package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.RawHttp;
import cn.duban.SharedJvmEngines;
import cn.duban.calendar.WorkCalendar;
import cn.duban.identity.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page on another site makes the browser send a write with the Basic credentials it holds (issue 27 item 11): duban
 * never asks a browser for Basic credentials (its 401 challenges with a scheme no browser prompts for), and a write
 * carrying Basic credentials that the browser marks as from another site is refused, on /api and /engine-rest alike,
 * with nothing changed. Scripts (no such headers) and duban's own pages are unaffected. Plain sockets: an HTTP client
 * library would not let a test set Origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class CrossSiteBasicIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired WorkCalendar calendar;

    @BeforeEach
    void people() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        driver.user("ops-x", Roles.OPERATOR);
    }

    @Test
    void no401InvitesABrowserToPromptForBasicCredentials() {
        for (String path : new String[] {"/api/templates", "/engine-rest/task/count", "/api/calendar/years"}) {
            RawHttp.Answer a = get(path, "");
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.header("WWW-Authenticate")).as(path).isNotNull().doesNotStartWithIgnoringCase("Basic");
        }
        RawHttp.Answer wrong = get("/engine-rest/task/count", RawHttp.basic("drafter1", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("xBasic ");
        // a script sending its credentials up front is served as ever
        assertThat(get("/engine-rest/task/count", RawHttp.basic("drafter1", "test")).status()).isEqualTo(200);
    }

    @Test
    void aBasicAuthenticatedWriteFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        int year = 2044;
        for (String marker : new String[] {"Sec-Fetch-Site: cross-site\r\n", "Sec-Fetch-Site: same-site\r\n",
                "Origin: https://evil.example\r\n", "Origin: null\r\n", "Origin: http://localhost:1\r\n"}) {
            RawHttp.Answer load = loadYear(year, marker);
            assertThat(load.status()).as(marker + load.body()).isEqualTo(403);
            assertThat(JSON.readTree(load.body()).get("message").asText()).as(marker).startsWith("不接受来自其他网站的请求");
            assertThat(calendar.knowsYear(year)).as(marker).isFalse();
        }
        long campaigns = runtime.createProcessInstanceQuery().processDefinitionKey("campaign").count();
        String start = "{\"variables\":{\"templateCode\":{\"value\":\"yiyuan-health-2024-315\"}}}";
        RawHttp.Answer viaRest = RawHttp.send(null, port, "POST /engine-rest/process-definition/key/campaign/start HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n" + RawHttp.basic("drafter1", "test") + "Sec-Fetch-Site: cross-site\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + start.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n", start.getBytes(StandardCharsets.UTF_8), 10_000);
        assertThat(viaRest.status()).as(viaRest.body()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("campaign").count()).isEqualTo(campaigns);
        // reading from another site changes nothing, and the browser keeps the answer from the other site anyway
        assertThat(get("/api/calendar/years", RawHttp.basic("ops-x", "test") + "Sec-Fetch-Site: cross-site\r\n").status()).isEqualTo(200);
    }

    @Test
    void theSameWriteFromDubansOwnPagesOrAScriptGoesThrough() {
        assertThat(loadYear(2045, "Sec-Fetch-Site: same-origin\r\n").status()).isEqualTo(200);
        assertThat(loadYear(2046, "Origin: http://localhost:" + port + "\r\n").status()).isEqualTo(200);
        assertThat(loadYear(2047, "").status()).as("a script").isEqualTo(200);
        assertThat(calendar.knowsYear(2045) && calendar.knowsYear(2046) && calendar.knowsYear(2047)).isTrue();
    }

    RawHttp.Answer get(String path, String headers) {
        return RawHttp.send(null, port, "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + headers
                + "Connection: close\r\n", new byte[0], 10_000);
    }

    /** The operator loads a year's holidays from a file, as Admin's 工作日历 does, with the browser's marker. */
    RawHttp.Answer loadYear(int year, String marker) {
        String boundary = "----duban" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"holidays.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n日期,类型,名称\n" + year + "-01-01,休,元旦\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        // a one-day file is doubtful (a real year has its statutory holidays): confirmed, as the page does after its preview
        return RawHttp.send(null, port, "POST /api/calendar/years/" + year + "?confirm=true HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + RawHttp.basic("ops-x", "test") + marker + "Content-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n", body, 10_000);
    }
}
