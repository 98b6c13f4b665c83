package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.mail.Outbox;
import cn.duban.mail.OutboxMail;
import cn.duban.process.CircularApprovalProcess;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
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
 * 督办通报 through 核稿 and 签发 over real HTTP, every path a client can use: the section sends it from the 督办看板
 * (duban's API), the 科长 and the leader decide in their task (the engine's REST API, as Tasklist's form submits), the
 * units receive it only once it is signed — by mail and on their pages — and nobody starts the approval by hand or
 * changes which circular a task is about.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class CircularApprovalIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired Outbox outbox;
    @Autowired CampaignService campaigns;

    String campaignId;

    @BeforeEach
    void campaign() {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        campaignId = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCircularIsReviewedSignedAndOnlyThenReachesTheCampaignsUnits() throws Exception {
        // only the section sends one
        assertThat(post("rmyy-reporter", "/api/campaigns/" + campaignId + "/circulars").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> sent = post("drafter1", "/api/campaigns/" + campaignId + "/circulars");
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sent.getBody()).containsEntry("issueLabel", "第1期").containsEntry("statusLabel", "待核稿")
                .containsEntry("createdBy", "drafter1").containsEntry("holdsBack", "督办通报第1期待核稿，办结后才能再送一期");
        long id = ((Number) sent.getBody().get("id")).longValue();
        // one at a time
        ResponseEntity<Map> again = post("drafter1", "/api/campaigns/" + campaignId + "/circulars");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message")).isEqualTo("督办通报第1期待核稿，办结后才能再送一期");

        // the 科长's task, named after the notice
        var review = driver.task(campaignId, CircularApprovalProcess.REVIEW_CIRCULAR);
        assertThat(review.getName()).startsWith("督办通报核稿 · 第1期 · 2024年“3·15”");
        // the units see nothing yet
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/circulars", List.class)
                .getBody()).isEmpty();
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/circulars/" + id + "/document.docx", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // nobody starts the approval by hand, operators neither; nobody changes which circular the task is about
        ResponseEntity<Map> byHand = http.withBasicAuth("drafter1", "test").exchange("/engine-rest/process-definition/key/"
                + CircularApprovalProcess.KEY + "/start", HttpMethod.POST, json("{\"businessKey\":\"" + campaignId + "\"}"), Map.class);
        assertThat(byHand.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> swapped = http.withBasicAuth("head1", "test").exchange("/engine-rest/task/" + review.getId() + "/submit-form",
                HttpMethod.POST, json("{\"variables\":{\"circularReviewed\":{\"value\":true},\"circularId\":{\"value\":\"1\"}}}"), Map.class);
        assertThat(swapped.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) swapped.getBody().get("message")).contains("不接受 circularId");
        // a unit cannot decide it
        assertThat(http.withBasicAuth("rmyy-reporter", "test").exchange("/engine-rest/task/" + review.getId() + "/submit-form",
                HttpMethod.POST, json("{\"variables\":{\"circularReviewed\":{\"value\":true}}}"), String.class).getStatusCode().value())
                .isIn(403, 404);
        // the form's check says what a return lacks, at its field
        ResponseEntity<Map> verdict = http.withBasicAuth("head1", "test").exchange("/api/circulars/" + id + "/decision/check",
                HttpMethod.POST, json("{\"approved\":false,\"comment\":\"\"}"), Map.class);
        assertThat((Map<String, String>) verdict.getBody().get("fieldErrors")).containsEntry("comment", "退回时请填写退回理由");

        assertThat(submit("head1", review.getId(), "{\"circularReviewed\":{\"value\":true},\"comment\":{\"value\":\"数据已核\"}}"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        var sign = driver.task(campaignId, CircularApprovalProcess.SIGN_OFF_CIRCULAR);
        assertThat(sign.getName()).startsWith("督办通报签发 · 第1期 · ");
        assertThat(outbox.list(campaignId)).noneMatch(m -> m.kind().equals("CIRCULAR_ISSUED"));
        assertThat(submit("leader1", sign.getId(), "{\"circularSigned\":{\"value\":true}}")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(outbox.list(campaignId)).as("the units are told by a job after 签发").noneMatch(m -> m.kind().equals("CIRCULAR_ISSUED"));
        assertThat(driver.runJobs()).isEmpty();

        Map<String, Object> issued = http.withBasicAuth("drafter1", "test").getForEntity("/api/circulars/" + id, Map.class).getBody();
        assertThat(issued).containsEntry("statusLabel", "已印发").containsEntry("reviewedBy", "head1").containsEntry("signedBy", "leader1")
                .containsEntry("reviewComment", "数据已核");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CircularApprovalProcess.KEY)
                .processInstanceBusinessKey(campaignId).finished().count()).isEqualTo(1);
        // each unit is mailed its text once; each reads and downloads it; a unit the notice did not reach does not
        List<OutboxMail> mails = outbox.list(campaignId).stream().filter(m -> m.kind().equals("CIRCULAR_ISSUED")).toList();
        assertThat(mails).extracting(OutboxMail::unitCode).contains("rmyy", "zyy").containsOnly("rmyy", "zyy");
        assertThat(mails).allSatisfy(m -> assertThat(m.subject()).isEqualTo("【督办】督办通报：" + issued.get("title") + "（第1期）"));
        assertThat(mails.get(0).kindLabel()).isEqualTo("督办通报");
        List<Map<String, Object>> seen = http.withBasicAuth("rmyy-reporter", "test")
                .getForEntity("/api/campaigns/" + campaignId + "/circulars", List.class).getBody();
        assertThat(seen).extracting(m -> m.get("issueLabel")).containsExactly("第1期");
        // a unit sees which circular and its files, not who in the section checked and signed it, nor why
        assertThat(seen.get(0)).containsKeys("id", "title", "asOf", "signedAt")
                .doesNotContainKeys("createdBy", "reviewedBy", "reviewComment", "signedBy", "signComment");
        ResponseEntity<byte[]> docx = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/circulars/" + id + "/document.docx", byte[].class);
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("第1期").contains("活动方案落实情况的通报").contains("应报 2 家");
        }
        ResponseEntity<byte[]> pdf = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/circulars/" + id + "/document.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("第1期").contains("应报 2 家");
        }
        assertThat(http.withBasicAuth("fybjy-reporter", "test").getForEntity("/api/circulars/" + id + "/document.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("fybjy-reporter", "test").getForEntity("/api/circulars/" + id + "/document.docx", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("fybjy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/circulars", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // the next one may go now: 第2期
        assertThat(post("drafter1", "/api/campaigns/" + campaignId + "/circulars").getBody()).containsEntry("issueLabel", "第2期");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnEndsTheCircularWithItsReasonAndTheUnitsNeverSeeIt() {
        long first = ((Number) post("drafter1", "/api/campaigns/" + campaignId + "/circulars").getBody().get("id")).longValue();
        var review = driver.task(campaignId, CircularApprovalProcess.REVIEW_CIRCULAR);
        // a return needs its reason: refused in Chinese, the task still open
        var refused = http.withBasicAuth("head1", "test").exchange("/engine-rest/task/" + review.getId() + "/submit-form", HttpMethod.POST,
                json("{\"variables\":{\"circularReviewed\":{\"value\":false}}}"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message")).isEqualTo("退回时请填写退回理由");
        assertThat(submit("head1", review.getId(), "{\"circularReviewed\":{\"value\":false},\"comment\":{\"value\":\"数据过时，请重新生成\"}}"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> returned = http.withBasicAuth("drafter1", "test").getForEntity("/api/circulars/" + first, Map.class).getBody();
        assertThat(returned).containsEntry("statusLabel", "已退回").containsEntry("reviewComment", "数据过时，请重新生成");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CircularApprovalProcess.KEY)
                .processInstanceBusinessKey(campaignId).count()).isZero();

        // a fresh one, returned by the leader this time
        long second = ((Number) post("drafter1", "/api/campaigns/" + campaignId + "/circulars").getBody().get("id")).longValue();
        submit("head1", driver.task(campaignId, CircularApprovalProcess.REVIEW_CIRCULAR).getId(), "{\"circularReviewed\":{\"value\":true}}");
        submit("leader1", driver.task(campaignId, CircularApprovalProcess.SIGN_OFF_CIRCULAR).getId(),
                "{\"circularSigned\":{\"value\":false},\"comment\":{\"value\":\"措辞再斟酌\"}}");
        List<Map<String, Object>> all = http.withBasicAuth("drafter1", "test").getForEntity("/api/campaigns/" + campaignId + "/circulars", List.class).getBody();
        assertThat(all).extracting(m -> m.get("id") + " " + m.get("issueLabel") + " " + m.get("statusLabel") + " " + m.get("signComment"))
                .containsExactly(first + " 第1期 已退回 null", second + " 第2期 已退回 措辞再斟酌");
        // which way each step went, as the 督办看板 shows it; neither holds back the next
        assertThat(all).extracting(m -> m.get("reviewVerdict") + " " + m.get("signVerdict") + " " + m.get("holdsBack"))
                .containsExactly("退回 null null", "通过 退回 null");
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + campaignId + "/circulars", List.class).getBody()).isEmpty();
        assertThat(outbox.list(campaignId)).noneMatch(m -> m.kind().equals("CIRCULAR_ISSUED"));
        // 已办: the leader finds the circular returned, with the 科长's and the leader's verdicts; a unit has none
        List<Map<String, Object>> leaders = http.withBasicAuth("leader1", "test").getForEntity("/api/my/done/circulars", List.class).getBody();
        assertThat(leaders).extracting(m -> m.get("id") + " " + m.get("reviewVerdict") + " " + m.get("signVerdict"))
                .contains(second + " 通过 退回").doesNotContain(first + " 退回 null");
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/my/done/circulars", List.class).getBody()).isEmpty();
    }

    /** A circular still waiting for 签发 when its notice is archived is not issued: the leader is told to return it. */
    @Test
    @SuppressWarnings("unchecked")
    void aCircularIsNotIssuedOnceItsNoticeIsArchived() {
        post("drafter1", "/api/campaigns/" + campaignId + "/circulars");
        submit("head1", driver.task(campaignId, CircularApprovalProcess.REVIEW_CIRCULAR).getId(), "{\"circularReviewed\":{\"value\":true}}");
        driver.as("drafter1", () -> {
            campaigns.close(campaignId, true);
            campaigns.archive(campaignId);
            return null;
        });
        String sign = driver.task(campaignId, CircularApprovalProcess.SIGN_OFF_CIRCULAR).getId();
        ResponseEntity<Map> refused = http.withBasicAuth("leader1", "test").exchange("/engine-rest/task/" + sign + "/submit-form",
                HttpMethod.POST, json("{\"variables\":{\"circularSigned\":{\"value\":true}}}"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message")).isEqualTo("通知已归档，不再印发督办通报；请选择“退回”");
        assertThat(submit("leader1", sign, "{\"circularSigned\":{\"value\":false},\"comment\":{\"value\":\"通知已归档\"}}"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs();
        assertThat(outbox.list(campaignId)).noneMatch(m -> m.kind().equals("CIRCULAR_ISSUED"));
    }

    @Test
    void noCircularBeforeTheNoticeIsIssued() {
        String draft = campaigns.createDraft("yiyuan-health-2024-315", LocalDate.now().plusDays(10), "drafter1").id();
        ResponseEntity<Map> refused = post("drafter1", "/api/campaigns/" + draft + "/circulars");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message")).isEqualTo("通知“起草中”，还不能发督办通报（通知印发后才有报送情况可以通报）");
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String user, String path) {
        return http.withBasicAuth(user, "test").exchange(path, HttpMethod.POST, json("{}"), Map.class);
    }

    private org.springframework.http.HttpStatusCode submit(String user, String taskId, String variables) {
        return http.withBasicAuth(user, "test").exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
                json("{\"variables\":" + variables + "}"), String.class).getStatusCode();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }
}
