package cn.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import cn.duban.audit.AuditService;
import cn.duban.audit.AuditQuery;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every decision by the person it belongs to (issue #27 items 1–3 and 14), through Tasklist's own REST path (session +
 * CSRF header) and /engine-rest (Basic): an operator — and the administrator, whom Camunda's authorizations let do
 * anything — neither decides a 核稿, a 签发, a unit's 审核报送 or a 督办通报's 核稿, nor takes such a task over,
 * nor deletes, moves or suspends a unit's report; a reporter does not approve as the unit's head. Each refusal is a
 * 403 in Chinese with nothing changed; what an operator legitimately does (read, retry a job) still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class DutiesIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String APPROVE_NOTICE = "{\"noticeReviewed\":{\"value\":true,\"type\":\"Boolean\"}}";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired CampaignService campaigns;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired AuditService audit;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void people() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        driver.user("ops1", "operator");
    }

    String draftedCampaign() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        var started = driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString());
        String id = (String) runtimeService.getVariable(started.getId(), CampaignProcess.CAMPAIGN_ID.name());
        driver.submit("drafter1", driver.task(id, NoticeApprovalProcess.DRAFT_NOTICE), Map.of());
        return id;
    }

    @Test
    void theOperatorAndTheAdministratorNeitherReviewNorSignANoticeNorTakeItsTaskOver() throws Exception {
        String id = draftedCampaign();
        Task review = driver.task(id, NoticeApprovalProcess.REVIEW_NOTICE);
        assertThat(review.getAssignee()).isEqualTo("head1");

        for (String who : List.of("ops1", "admin")) {
            String pw = who.equals("admin") ? "admin" : "test";
            ResponseEntity<String> viaRest = basic(who, pw, HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/submit-form",
                    "{\"variables\":" + APPROVE_NOTICE + "}");
            assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), 403, "由head1办理");
            HttpResponse<String> viaTasklist = WebSession.login(port, who, pw).submitForm(review.getId(), APPROVE_NOTICE);
            assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 403, "由head1办理");
            // taking it over: the assignee set to oneself, a group added as candidates, the task delegated or its owner set
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/assignee", "{\"userId\":\"" + who + "\"}"),
                    403, "其他人不能办理或改派");
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/identity-links",
                    "{\"groupId\":\"operator\",\"type\":\"candidate\"}"), 403, "不能手动修改");
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/delegate", "{\"userId\":\"" + who + "\"}"),
                    403, "不能手动修改");
            HttpResponse<String> claim = WebSession.login(port, who, pw)
                    .post(WebSession.ENGINE_API + "/task/" + review.getId() + "/claim", "{\"userId\":\"" + who + "\"}");
            assertRefused(claim.statusCode(), claim.body(), 403, "由head1办理");
        }
        // the section head hands the task to the operator: refused too (only a candidate may hold it)
        assertThat(basic("head1", "test", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/assignee", "{\"userId\":\"ops1\"}")
                .getStatusCode().value()).isEqualTo(403);

        Task still = taskService.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(still.getAssignee()).isEqualTo("head1");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId()).doesNotContain("operator");
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.REVIEWING);
        assertThat(campaigns.decisions(id)).isEmpty();

        // the 科长 decides; then the leader's 签发 is the leader's alone
        driver.submit("head1", review, Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
        Task signOff = driver.task(id, NoticeApprovalProcess.SIGN_OFF_NOTICE);
        String sign = "{\"noticeSigned\":{\"value\":true,\"type\":\"Boolean\"}}";
        assertRefused(basic("ops1", "test", HttpMethod.POST, "/engine-rest/task/" + signOff.getId() + "/complete",
                "{\"variables\":" + sign + "}"), 403, "由leader1办理");
        HttpResponse<String> adminSigns = WebSession.login(port, "admin", "admin").submitForm(signOff.getId(), sign);
        assertRefused(adminSigns.statusCode(), adminSigns.body(), 403, "由leader1办理");
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.SIGNING);
        assertThat(campaigns.decisions(id)).hasSize(1).allSatisfy(d -> assertThat(d.decidedBy()).isEqualTo("head1"));
        assertThat(reports.units(id)).isEmpty();
    }

    @Test
    void theOperatorDoesNotApproveAUnitsReportNorACircularsReview() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", Driver.seed000Figures("3"), List.of());
        Task review = driver.unitTask(id, "rmyy", UnitReportProcess.REVIEW_REPORT);
        String approve = "{\"reportApproved\":{\"value\":true,\"type\":\"Boolean\"}}";

        assertRefused(basic("ops1", "test", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":" + approve + "}"), 403, "不属于您的职责");
        HttpResponse<String> viaTasklist = WebSession.login(port, "admin", "admin").submitForm(review.getId(), approve);
        assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 403, "不属于您的职责");
        // a unit's own people never review its report either
        assertRefused(basic("rmyy-head", "test", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":" + approve + "}"), 403, "");
        assertThat(reports.unit(id, "rmyy").status()).isEqualTo(UnitStatus.SUBMITTED);

        // a circular's 核稿 is the 科长's
        ResponseEntity<Map> sent = http.withBasicAuth("drafter1", "test").postForEntity("/api/campaigns/" + id + "/circulars", null, Map.class);
        assertThat(sent.getStatusCode().value()).isEqualTo(200);
        Task circularReview = taskService.createTaskQuery().processDefinitionKey(CircularApprovalProcess.KEY).processInstanceBusinessKey(id)
                .singleResult();
        String reviewed = "{\"circularReviewed\":{\"value\":true,\"type\":\"Boolean\"}}";
        assertRefused(basic("ops1", "test", HttpMethod.POST, "/engine-rest/task/" + circularReview.getId() + "/complete",
                "{\"variables\":" + reviewed + "}"), 403, "由head1办理");
        HttpResponse<String> adminReviews = WebSession.login(port, "admin", "admin").submitForm(circularReview.getId(), reviewed);
        assertRefused(adminReviews.statusCode(), adminReviews.body(), 403, "由head1办理");
        assertThat(taskService.createTaskQuery().taskId(circularReview.getId()).count()).isOne();

        // the reviewer reviews
        driver.review(id, "rmyy", true, null, null);
        assertThat(reports.unit(id, "rmyy").status()).isEqualTo(UnitStatus.APPROVED);
    }

    /**
     * What Tasklist asks when a task is opened (issue 30 §6): a unit's 签收 nobody holds is the reporter's to take —
     * and taking it (认领, as opening it does) works; then the unit's head, also a candidate, is told who has it; a
     * person of another unit learns nothing of it.
     */
    @Test
    void openingATaskNobodyHoldsTakesItAndAColleagueIsToldWhoHasIt() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        Task sign = driver.unitTask(id, "rmyy", UnitReportProcess.SIGN_NOTICE);
        assertThat(sign.getAssignee()).isNull();
        WebSession reporter = WebSession.login(port, "rmyy-reporter", "test");
        var free = JSON.readTree(reporter.get("/api/tasks/" + sign.getId() + "/duty").body());
        assertThat(free.get("mayDo").asBoolean()).isTrue();
        assertThat(free.get("board").asText()).as("a unit's people have no Cockpit: no link beside the task").isEmpty();
        var review = JSON.readTree(WebSession.login(port, "head1", "test").get("/api/tasks/"
                + driver.task(id, CampaignProcess.MONITOR_REPORTS).getId() + "/duty").body());
        assertThat(review.get("board").asText()).isEqualTo("/camunda/app/cockpit/default/#/duban?campaign=" + id);
        assertThat(free.get("held").asBoolean()).isFalse();
        assertThat(reporter.post(WebSession.ENGINE_API + "/task/" + sign.getId() + "/claim", "{\"userId\":\"rmyy-reporter\"}").statusCode())
                .isEqualTo(204);
        var mine = JSON.readTree(reporter.get("/api/tasks/" + sign.getId() + "/duty").body());
        assertThat(mine.get("mine").asBoolean()).isTrue();
        assertThat(mine.get("message").asText()).isEmpty();

        var head = JSON.readTree(WebSession.login(port, "rmyy-head", "test").get("/api/tasks/" + sign.getId() + "/duty").body());
        assertThat(head.get("mayDo").asBoolean()).isFalse();
        assertThat(head.get("message").asText()).startsWith("此任务由").endsWith("办理中：您可以查看，不能办结。").doesNotContain("rmyy-");
        var other = JSON.readTree(WebSession.login(port, "zyy-reporter", "test").get("/api/tasks/" + sign.getId() + "/duty").body());
        assertThat(other.get("found").asBoolean()).as("another unit's task is none of its business").isFalse();
    }

    @Test
    void aReporterDoesNotApproveAsTheUnitsHead() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/xx-market-2023-315.yaml", "  units: [sjzfdd]");
        assertThat(t.unitHeadApproval()).isTrue();
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "sjzfdd");
        driver.stage(id, "sjzfdd", true, false);
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (String code : List.of("consultations", "complaints", "resolved", "inspections", "cases", "disclosures", "warnings",
                "lawevents", "pledges", "recovered")) {
            figures.put(code, "1");
        }
        driver.handIn(id, "sjzfdd", figures, List.of());
        Task head = driver.unitTask(id, "sjzfdd", UnitReportProcess.APPROVE_BY_HEAD);
        assertThat(head.getAssignee()).isEqualTo("sjzfdd-head");
        String approve = "{\"headApproved\":{\"value\":true,\"type\":\"Boolean\"}}";

        HttpResponse<String> viaTasklist = WebSession.login(port, "sjzfdd-reporter", "test").submitForm(head.getId(), approve);
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isIn(403, 404);
        ResponseEntity<String> viaRest = basic("sjzfdd-reporter", "test", HttpMethod.POST, "/engine-rest/task/" + head.getId() + "/complete",
                "{\"variables\":" + approve + "}");
        assertThat(viaRest.getStatusCode().value()).as(viaRest.getBody()).isIn(403, 404);
        ResponseEntity<String> takeOver = basic("sjzfdd-reporter", "test", HttpMethod.POST, "/engine-rest/task/" + head.getId() + "/assignee",
                "{\"userId\":\"sjzfdd-reporter\"}");
        assertThat(takeOver.getStatusCode().value()).as(takeOver.getBody()).isIn(403, 404);
        assertThat(reports.unit(id, "sjzfdd").status()).isEqualTo(UnitStatus.HEAD_REVIEW);
        assertThat(taskService.createTaskQuery().taskId(head.getId()).singleResult().getAssignee()).isEqualTo("sjzfdd-head");

        // the head does
        HttpResponse<String> byHead = WebSession.login(port, "sjzfdd-head", "test").submitForm(head.getId(), approve);
        assertThat(byHead.statusCode()).as(byHead.body()).isEqualTo(204);
        assertThat(reports.unit(id, "sjzfdd").status()).isEqualTo(UnitStatus.SUBMITTED);
    }

    @Test
    void nobodyDeletesMovesOrSuspendsAUnitsReportByHandButOperatorsStillWatchAndRetry() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        String pid = reports.unit(id, "zyy").processInstanceId();

        for (String who : List.of("ops1", "admin")) {
            String pw = who.equals("admin") ? "admin" : "test";
            assertRefused(basic(who, pw, HttpMethod.DELETE, "/engine-rest/process-instance/" + pid, null), 403, "不能手动删除");
            HttpResponse<String> cancel = WebSession.login(port, who, pw).send("DELETE", WebSession.ENGINE_API + "/process-instance/" + pid);
            assertRefused(cancel.statusCode(), cancel.body(), 403, "不能手动删除");
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/process-instance/" + pid + "/modification",
                    "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"reviewReport\"}]}"), 403, "不能手动");
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/message",
                    "{\"messageName\":\"campaignClosed\",\"processInstanceId\":\"" + pid + "\"}"), 403, "不能手动");
            assertRefused(basic(who, pw, HttpMethod.PUT, "/engine-rest/process-instance/" + pid + "/suspended", "{\"suspended\":true}"),
                    403, "不能手动");
            assertRefused(basic(who, pw, HttpMethod.PUT, "/engine-rest/process-definition/key/unitReport/suspended",
                    "{\"suspended\":true,\"includeProcessInstances\":true}"), 403, "不能手动");
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/process-instance/delete",
                    "{\"processInstanceIds\":[\"" + pid + "\"],\"deleteReason\":\"x\"}"), 403, "批量");
            assertRefused(basic(who, pw, HttpMethod.POST, "/engine-rest/process-instance/" + pid + "/variables",
                    "{\"modifications\":{\"unitCode\":{\"value\":\"rmyy\"}}}"), 403, "流程变量由督办系统维护");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).active().count()).isOne();
        assertThat(driver.unitTask(id, "zyy", UnitReportProcess.SIGN_NOTICE)).isNotNull();
        assertThat(reports.unit(id, "zyy").status()).isEqualTo(UnitStatus.NOT_SIGNED);

        // what operators do stays theirs: read the instances, retry a failed job
        ResponseEntity<String> list = basic("ops1", "test", HttpMethod.GET, "/engine-rest/process-instance?processDefinitionKey=unitReport", null);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).contains(pid);
        String job = managementService.createJobQuery().processDefinitionKey(CampaignProcess.KEY).list().get(0).getId();
        ResponseEntity<String> retry = basic("ops1", "test", HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", "{\"retries\":3}");
        assertThat(retry.getStatusCode().value()).as(retry.getBody()).isEqualTo(204);
        // and a refusal of Camunda's own authorizations reads in Chinese, without ids or the engine's words
        String campaignDefinition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
                .latestVersion().singleResult().getId();
        ResponseEntity<String> create = basic("rmyy-reporter", "test", HttpMethod.POST,
                "/engine-rest/process-definition/" + campaignDefinition + "/start", "{}");
        assertRefused(create, 403, "您没有权限");
        assertThat(create.getBody()).doesNotContain("rmyy-reporter").doesNotContain("does not have");
    }

    @Test
    void theSectionWithdrawsAUnitWithItsReasonAndTheRecordSaysSo() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "zyy");
        String pid = reports.unit(id, "zyy").processInstanceId();
        String path = "/api/campaigns/" + id + "/units/zyy/withdrawal";

        assertThat(basic("ops1", "test", HttpMethod.POST, path, "{\"reason\":\"合并\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(basic("zyy-reporter", "test", HttpMethod.POST, path, "{\"reason\":\"合并\"}").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> noReason = basic("drafter1", "test", HttpMethod.POST, path, "{\"reason\":\"  \"}");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.getBody()).get("fieldErrors").get("reason").asText()).isEqualTo("请填写撤销理由");
        assertThat(reports.unit(id, "zyy").status()).isEqualTo(UnitStatus.IN_PROGRESS);

        ResponseEntity<String> done = basic("drafter1", "test", HttpMethod.POST, path, "{\"reason\":\"该院已并入县人民医院\"}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(done.getBody()).get("statusBeforeLabel").asText()).isEqualTo("办理中");
        assertThat(reports.unit(id, "zyy").status()).isEqualTo(UnitStatus.WITHDRAWN);
        // its work ended through the model, not deleted
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pid)
                .activityId(UnitReportProcess.REPORT_WITHDRAWN_END).count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id + ":zyy").count()).isZero();
        // the audit: who withdrew it and why; nobody "completed" the task that ended with it
        var entries = audit.list(id, AuditQuery.of("ALL", null, null, null, null, 0, 200)).entries();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.what()).isEqualTo("撤销该单位的报送：该院已并入县人民医院");
            assertThat(e.who()).isEqualTo("drafter1");
        });
        assertThat(entries).filteredOn(e -> "zyy".equals(e.unitCode()) && e.what().startsWith("办结任务“填报"))
                .as("no false completion").isEmpty();
        // a second withdrawal, an approved unit: refused
        assertThat(basic("drafter1", "test", HttpMethod.POST, path, "{\"reason\":\"再撤\"}").getStatusCode().value()).isEqualTo(400);

        // the campaign waits for rmyy alone: approved, it moves on to its county summary
        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", Driver.seed000Figures("2"), List.of());
        driver.review(id, "rmyy", true, null, null);
        driver.runJobs();
        assertThat(reports.allApproved(id)).isTrue();
        assertThat(driver.task(id, CampaignProcess.SUMMARIZE_COUNTY)).isNotNull();
        assertThat(basic("drafter1", "test", HttpMethod.POST, "/api/campaigns/" + id + "/units/rmyy/withdrawal", "{\"reason\":\"x\"}")
                .getStatusCode().value()).isEqualTo(400);
    }

    static void assertRefused(int status, String body, int expected, String message) throws Exception {
        ClientInputGuardIT.assertRefused(status, body, expected, message);
    }

    static void assertRefused(ResponseEntity<String> r, int expected, String message) throws Exception {
        ClientInputGuardIT.assertRefused(r.getStatusCode().value(), r.getBody(), expected, message);
    }

    ResponseEntity<String> basic(String user, String password, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
