package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.campaign.CampaignTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nothing typed is lost (issue #16): a unit's unfinished report is kept on the server, read back by its own people
 * only, answered with the rules' verdict field by field, and gone once the report is handed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class ReportDraftIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "test").exchange(path, method, new HttpEntity<>(body, h), String.class);
    }

    @Test
    void anUnfinishedReportIsKeptCheckedAndGoneWhenHandedIn() throws Exception {
        driver.sectionPeople();
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [lsjd, nmjd]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString()));
        String path = "/api/campaigns/" + id + "/units/lsjd/draft";
        String half = "{\"values\":{\"1\":\"3\",\"3\":\"三\",\"6\":\"9\"},\"summary\":\"写了一半的总结\",\"note\":\"\"}";

        // before 签收 there is nothing to fill in
        ResponseEntity<String> early = call("lsjd-reporter", HttpMethod.PUT, path, half);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(early.getBody()).get("message").asText()).contains("未签收").contains("无需再填报");
        driver.sign(id, "lsjd");

        ResponseEntity<String> saved = call("lsjd-reporter", HttpMethod.PUT, path, half);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode verdict = json.readTree(saved.getBody());
        assertThat(verdict.get("ready").asBoolean()).isFalse();
        assertThat(verdict.get("savedAt").asText()).isNotBlank();
        assertThat(verdict.get("fieldErrors").get("3").asText()).isEqualTo("不是数字");
        assertThat(verdict.get("fieldErrors").get("2").asText()).isEqualTo("必填，没有请填 0");
        assertThat(verdict.get("fieldErrors").get("photos").asText()).isEqualTo("至少 1 张，现有 0 张");
        assertThat(saved.getBody()).doesNotContain("ENGINE-").doesNotContain("Exception");

        // read back by the unit, in another session; refused to another unit and to the section
        JsonNode back = json.readTree(call("lsjd-head", HttpMethod.GET, path, null).getBody());
        assertThat(back.get("report").get("values").get("3").asText()).isEqualTo("三");
        assertThat(back.get("report").get("summary").asText()).isEqualTo("写了一半的总结");
        assertThat(back.get("savedByName").asText()).isNotBlank().isNotEqualTo("lsjd-reporter");
        for (String stranger : List.of("nmjd-reporter", "reviewer1")) {
            assertThat(call(stranger, HttpMethod.GET, path, null).getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(stranger, HttpMethod.PUT, path, half).getStatusCode()).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(json.readTree(call("lsjd-head", HttpMethod.GET, path, null).getBody()).get("report").get("summary").asText())
                .as("a refused save changes nothing").isEqualTo("写了一半的总结");

        // a warning of the table makes the note required; with everything right the verdict is ready
        driver.stage(id, "lsjd", true, true);
        String warned = "{\"values\":" + json.writeValueAsString(Driver.seed000Figures("3")).replace("\"6\":\"3\"", "\"6\":\"9\"")
                + ",\"summary\":\"总结\",\"note\":\"\"}";
        verdict = json.readTree(call("lsjd-reporter", HttpMethod.PUT, path, warned).getBody());
        assertThat(verdict.get("noteRequired").asBoolean()).isTrue();
        assertThat(verdict.get("fieldErrors").get("note").asText()).contains("说明");
        verdict = json.readTree(call("lsjd-reporter", HttpMethod.PUT, path, warned.replace("\"note\":\"\"", "\"note\":\"含上年结转\"")).getBody());
        assertThat(verdict.get("ready").asBoolean()).as(verdict.toString()).isTrue();

        driver.handIn(id, "lsjd", Driver.seed000Figures("3"), List.of());
        assertThat(call("lsjd-reporter", HttpMethod.GET, path, null).getBody()).isEqualTo("{}");
        ResponseEntity<String> late = call("lsjd-reporter", HttpMethod.PUT, path, half);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(late.getBody()).get("message").asText()).contains("已报送");
    }
}
