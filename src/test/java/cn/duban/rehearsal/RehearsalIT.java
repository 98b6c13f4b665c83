package cn.duban.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.TemplateParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #28 §10 through the drafting form's path: the drafter rehearses the notice being drafted (its units from today's
 * registry, the county's calendar); nothing starts, no mail is queued, the draft stays a draft; a unit's reporter may
 * not; a draft that cannot run says why instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class RehearsalIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired CampaignService campaigns;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theDrafterSeesWhatTheNoticeWouldDoAndNothingHappens() throws Exception {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", null);
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15).toString();
        String id = (String) runtime.getVariable(driver.startCampaign(t.code(), deadline).getId(), "campaignId");
        long mails = jdbc.sql("SELECT COUNT(*) FROM duban_outbox").query(Long.class).single();
        WebSession drafter = WebSession.login(port, "drafter1", "test");

        HttpResponse<String> r = drafter.post("/api/campaigns/" + id + "/draft/rehearsal?deadline=" + deadline, TemplateParser.toJson(t));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("problems")).isEmpty();
        int units = body.get("units").asInt();
        assertThat(units).isGreaterThan(5);
        assertThat(body.get("events").get(0).get("what").asText()).isEqualTo("签发后印发通知，下发到 " + units + " 个单位（“通知下发”邮件），各单位在待办中签收");
        assertThat(body.get("events").toString()).contains("最后提醒").contains("报送截止").contains("逾期通知");
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFTING);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_outbox").query(Long.class).single()).isEqualTo(mails);

        // a draft that cannot run: its problems, at their fields, and no timeline
        HttpResponse<String> past = drafter.post("/api/campaigns/" + id + "/draft/rehearsal?deadline=2020-01-06", TemplateParser.toJson(t));
        JsonNode refused = JSON.readTree(past.body());
        assertThat(refused.get("events")).isEmpty();
        assertThat(refused.get("fieldErrors").get("deadline").asText()).contains("已过");
        HttpResponse<String> yesterday = drafter.post("/api/campaigns/" + id + "/draft/rehearsal?signOff="
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), TemplateParser.toJson(t));
        assertThat(JSON.readTree(yesterday.body()).get("problems").toString()).contains("试运行的签发日期不能早于今天");

        WebSession reporter = WebSession.login(port, "rmyy-reporter", "test");
        assertThat(reporter.post("/api/campaigns/" + id + "/draft/rehearsal", TemplateParser.toJson(t)).statusCode()).isEqualTo(403);
    }
}
