package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import cn.duban.process.NoticeApprovalProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A notice is limited as a whole (issue 27 item 15): the drafting form's check and 办结 through Tasklist's path both say
 * the limit in Chinese for one character too many, and change nothing; a notice at the limit, all of it Chinese, goes
 * through — the largest body the drafting form legitimately sends, half the request body limit (issue 27 item 6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class NoticeLengthIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOO_LONG = "通知的文字合计过多（各项文字合计最多 524288 字，现 524289 字）";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired CampaignService campaigns;
    @Autowired cn.duban.support.DubanProperties settings;

    @Test
    void oneCharacterOverTheWholeIsRefusedAtTheCheckAndAt办结AndANoticeAtTheLimitGoesThrough() throws Exception {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", null);
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        String id = (String) runtime.getVariable(driver.startCampaign(t.code(), deadline).getId(), "campaignId");
        WebSession drafter = WebSession.login(port, "drafter1", "test");
        String task = driver.task(id, NoticeApprovalProcess.DRAFT_NOTICE).getId();

        CampaignTemplate over = LongNotices.seed000WithText(TemplateParser.MAX_TOTAL_TEXT + 1, 'a');
        HttpResponse<String> check = drafter.post("/api/campaigns/" + id + "/draft/check?deadline=" + deadline, TemplateParser.toJson(over));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(JSON.readTree(check.body()).get("ready").asBoolean()).isFalse();
        assertThat(JSON.readTree(check.body()).get("problems").toString()).contains(TOO_LONG);

        HttpResponse<String> refused = drafter.submitForm(task, draftVariable(over, deadline));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains(TOO_LONG).doesNotContain("ENGINE-");
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFTING);
        assertThat(campaigns.get(id).template().items()).hasSize(t.items().size());
        assertThat(driver.task(id, NoticeApprovalProcess.DRAFT_NOTICE).getId()).isEqualTo(task);

        // at the limit, in Chinese (three bytes a character): the largest notice the form may send
        CampaignTemplate atLimit = LongNotices.seed000WithText(TemplateParser.MAX_TOTAL_TEXT, '字');
        HttpResponse<String> fits = drafter.post("/api/campaigns/" + id + "/draft/check?deadline=" + deadline, TemplateParser.toJson(atLimit));
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        assertThat(JSON.readTree(fits.body()).get("problems").toString()).doesNotContain("合计过多");
        String largest = draftVariable(atLimit, deadline);
        assertThat((long) largest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("the largest body a form sends")
                .isGreaterThan(1_500_000L).isLessThanOrEqualTo(settings.http().maxBodySize().toBytes() / 2);
        HttpResponse<String> handedIn = drafter.submitForm(task, largest);
        assertThat(handedIn.statusCode()).as(handedIn.body()).isEqualTo(204);
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.REVIEWING);
        assertThat(TemplateParser.textLength(campaigns.get(id).template())).isEqualTo(TemplateParser.MAX_TOTAL_TEXT);
    }

    /** The 起草通知 form's hand-in: the draft as a transient string variable, as notice-draft.html builds it. */
    static String draftVariable(CampaignTemplate built, String deadline) throws Exception {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", built.title());
        draft.put("documentNumber", null);
        draft.put("noticeText", built.noticeText());
        draft.put("deadline", deadline);
        draft.put("template", JSON.readTree(TemplateParser.toJson(built)));
        return "{\"draft\":{\"value\":" + JSON.writeValueAsString(JSON.writeValueAsString(draft))
                + ",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}";
    }
}
