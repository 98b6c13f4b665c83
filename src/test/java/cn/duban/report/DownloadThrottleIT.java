package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.identity.Roles;
import cn.duban.support.DubanProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Downloads are throttled per person (issue 27 item 15): a burst, then one a second; the refused one is 429 in Chinese
 * with Retry-After, is not audited, and nobody else is slowed. The engine's clock, which duban's follows, stands still
 * meanwhile, so the count is exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class DownloadThrottleIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired AttachmentService attachments;
    @Autowired JdbcClient jdbc;
    @Autowired DubanProperties settings;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void aPersonDownloadingFasterThanTheLimitIsToldWhenToTryAgainAndNobodyElseIsSlowed() throws Exception {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        String reader = "dl-" + System.nanoTime() % 100_000;
        driver.user(reader, Roles.REVIEWER);
        driver.user(reader + "b", Roles.REVIEWER);
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        long photo = attachments.stage(id, "rmyy", AttachmentService.PHOTO, "现场.png", Driver.PNG, "rmyy-reporter").id();

        ClockUtil.setCurrentTime(new Date());
        int burst = settings.downloads().burst();
        for (int i = 0; i < burst; i++) {
            assertThat(get(reader, photo).getStatusCode().value()).as("download %d", i + 1).isEqualTo(200);
        }
        ResponseEntity<String> refused = get(reader, photo);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(new ObjectMapper().readTree(refused.getBody()).get("message").asText())
                .isEqualTo("下载过于频繁，请于 1 秒后再试（每人可连续下载 120 次，之后每分钟 60 次）");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_download WHERE downloaded_by = ?").param(reader).query(Integer.class).single())
                .as("the refused download is not audited").isEqualTo(burst);
        assertThat(get(reader + "b", photo).getStatusCode().value()).as("another person").isEqualTo(200);

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 1_000));
        assertThat(get(reader, photo).getStatusCode().value()).as("a second later").isEqualTo(200);
        assertThat(get(reader, photo).getStatusCode().value()).isEqualTo(429);
    }

    ResponseEntity<String> get(String user, long attachment) {
        return http.withBasicAuth(user, "test").getForEntity("/api/attachments/" + attachment, String.class);
    }
}
