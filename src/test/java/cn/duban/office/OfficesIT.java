package cn.duban.office;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.campaign.CampaignService;
import cn.duban.identity.Roles;
import cn.duban.process.CampaignProcess;
import cn.duban.process.NoticeApprovalProcess;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The notice's own office (issue #28 §3): an operator adds 防保股 as data, an administrator puts its people in its
 * roles; a notice its drafter starts is 防保股's — its head checks it (核稿), its reviewers review the units' reports
 * and urge them, its people watch its 督办看板 — while 综合监督科's people neither see nor decide it; the leader signs
 * it and sees every office's notices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class OfficesIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired Offices offices;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CampaignService campaigns;
    @Autowired ReportService reports;
    @Autowired ProcessEngine engine;

    String office;

    @BeforeEach
    void office() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        driver.user("ops2", Roles.OPERATOR);
        office = "fbg" + (System.nanoTime() % 100_000);
    }

    @Test
    void anOfficeIsDataItsNoticesAreItsOwnAndTheLeaderSeesAll() throws Exception {
        // the operator adds the office; bad input is told at its field
        ResponseEntity<String> bad = as("ops2", HttpMethod.POST, "/api/offices", "{\"code\":\"Fang Bao\",\"name\":\"\"}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        JsonNode errors = JSON.readTree(bad.getBody()).get("fieldErrors");
        assertThat(errors.get("code").asText()).contains("只能含小写字母和数字");
        assertThat(errors.get("name").asText()).contains("科室名称必填");
        assertThat(as("reviewer1", HttpMethod.POST, "/api/offices", "{\"code\":\"x1\",\"name\":\"某股\"}").getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> added = as("ops2", HttpMethod.POST, "/api/offices", "{\"code\":\"" + office + "\",\"name\":\"防保股" + office + "\"}");
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(200);
        assertThat(identityService.createGroupQuery().groupId(Roles.officeGroup(office, Roles.OfficeRole.REVIEWER)).singleResult().getName())
                .isEqualTo("防保股" + office + "·报送审核人");
        // the operator may not put people in its roles (who decides is not IT's): the administrator does
        driver.user(office + "-d", Roles.officeGroup(office, Roles.OfficeRole.DRAFTER), Roles.officeGroup(office, Roles.OfficeRole.REVIEWER));
        driver.user(office + "-h", Roles.officeGroup(office, Roles.OfficeRole.HEAD));
        ResponseEntity<String> grant = as("ops2", HttpMethod.PUT, "/engine-rest/group/" + Roles.officeGroup(office, Roles.OfficeRole.HEAD)
                + "/members/ops2", null);
        assertThat(grant.getStatusCode().value()).isEqualTo(403);

        // 防保股's drafter starts a notice: it is 防保股's, its 核稿 goes to 防保股's head
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy, jkzx, jdzfdd]");
        var started = driver.as(office + "-d", () -> engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY).latestVersion()
                        .singleResult().getId(),
                Map.of(CampaignProcess.TEMPLATE_CODE.name(), t.code(), CampaignProcess.DEADLINE.name(),
                        Driver.transientString(LocalDate.now().plusDays(10).toString()))));
        String id = (String) runtimeService.getVariable(started.getId(), CampaignProcess.CAMPAIGN_ID.name());
        assertThat(campaigns.get(id).officeCode()).isEqualTo(office);
        // its document and mails name 防保股 as its 承办科室, not the template's 综合监督科 — and the form cannot say otherwise
        assertThat(campaigns.get(id).template().section()).isEqualTo("防保股" + office);
        var edited = campaigns.get(id).template().withSection("综合监督科");
        String draftJson = new ObjectMapper().findAndRegisterModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(new cn.duban.campaign.NoticeDraft(campaigns.get(id).title(), null, null,
                LocalDate.now().plusDays(10), edited));
        driver.submit(office + "-d", driver.task(id, NoticeApprovalProcess.DRAFT_NOTICE),
                Map.of(NoticeApprovalProcess.DRAFT.name(), Driver.transientString(draftJson)));
        assertThat(campaigns.get(id).template().section()).isEqualTo("防保股" + office);
        var review = driver.task(id, NoticeApprovalProcess.REVIEW_NOTICE);
        assertThat(review.getAssignee()).as("the office's head alone, so theirs at once").isEqualTo(office + "-h");
        // 综合监督科's head may not check 防保股's notice
        ResponseEntity<String> notTheirs = as("head1", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":{\"noticeReviewed\":{\"value\":true}}}");
        assertThat(notTheirs.getStatusCode().value()).isEqualTo(403);
        driver.submit(office + "-h", review, Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
        driver.submit("leader1", driver.task(id, NoticeApprovalProcess.SIGN_OFF_NOTICE), Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true));
        driver.runJobs();

        // a unit hands in: the review is 防保股's reviewers'
        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", Driver.seed000Figures("4"), List.of());
        var reviewTask = driver.unitTask(id, "rmyy", UnitReportProcess.REVIEW_REPORT);
        assertThat(taskService.getIdentityLinksForTask(reviewTask.getId())).filteredOn(l -> "candidate".equals(l.getType()))
                .extracting(l -> l.getGroupId()).containsExactly(Roles.officeGroup(office, Roles.OfficeRole.REVIEWER));
        String approve = "{\"variables\":{\"reportApproved\":{\"value\":true,\"type\":\"Boolean\"}}}";
        assertThat(as("reviewer1", HttpMethod.POST, "/engine-rest/task/" + reviewTask.getId() + "/complete", approve).getStatusCode().value())
                .isIn(403, 404);

        // who watches it: 防保股 and the leader; not 综合监督科's people
        assertThat(as(office + "-d", HttpMethod.GET, "/api/dashboard/campaigns/" + id, null).getStatusCode().value()).isEqualTo(200);
        assertThat(as("leader1", HttpMethod.GET, "/api/dashboard/campaigns/" + id, null).getStatusCode().value()).isEqualTo(200);
        for (String path : List.of("/api/dashboard/campaigns/" + id, "/api/campaigns/" + id + "/summary",
                "/api/campaigns/" + id + "/exports/summary.xlsx", "/api/campaigns/" + id + "/audit",
                "/api/campaigns/" + id + "/units/rmyy")) {
            ResponseEntity<String> r = as("reviewer1", HttpMethod.GET, path, null);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(403);
        }
        assertThat(as("reviewer1", HttpMethod.POST, "/api/campaigns/" + id + "/urge", "{\"units\":[\"zyy\"]}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(as(office + "-d", HttpMethod.POST, "/api/campaigns/" + id + "/urge", "{\"units\":[\"zyy\"]}").getStatusCode().value())
                .isEqualTo(200);
        // the board's list: 防保股 sees its notice and not 综合监督科's; the leader sees both
        String mine = as(office + "-d", HttpMethod.GET, "/api/dashboard/campaigns", null).getBody();
        assertThat(mine).contains(id).contains("防保股" + office);
        var other = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String theirs = driver.issue(driver.startCampaign(other.code(), LocalDate.now().plusDays(10).toString()));
        assertThat(campaigns.get(theirs).officeCode()).isEqualTo(Roles.DEFAULT_OFFICE);
        assertThat(as(office + "-d", HttpMethod.GET, "/api/dashboard/campaigns", null).getBody()).doesNotContain(theirs);
        assertThat(as("leader1", HttpMethod.GET, "/api/dashboard/campaigns", null).getBody()).contains(id).contains(theirs);

        // and 防保股's reviewer decides
        driver.submit(office + "-d", reviewTask, Map.of(UnitReportProcess.REPORT_APPROVED.name(), true,
                UnitReportProcess.COMMENT.name(), Driver.transientString(""), UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString("")));
        assertThat(reports.unit(id, "rmyy").status()).isEqualTo(UnitStatus.APPROVED);
    }

    ResponseEntity<String> as(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "test").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
