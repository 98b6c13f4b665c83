package cn.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * A unit acts only as itself, through every path a client can use: Tasklist's own REST API with its session and
 * CSRF header, and /engine-rest with HTTP Basic. Each attack is refused with 4xx and a Chinese message, and
 * nothing is changed (issue #14, items 1–3 and 12).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class ClientInputGuardIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired CampaignService campaigns;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine engine;

    String campaignId;

    @BeforeEach
    void campaign() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        campaignId = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
    }

    @Test
    void aUnitCannotSignForAnotherUnitThroughEitherPath() throws Exception {
        String rmyySign = driver.unitTask(campaignId, "rmyy", UnitReportProcess.SIGN_NOTICE).getId();
        String forged = "{\"unitCode\":{\"value\":\"zyy\",\"type\":\"String\"},\"reporter\":{\"value\":\"rmyy-reporter\",\"type\":\"String\"}}";

        HttpResponse<String> viaTasklist = WebSession.login(port, "rmyy-reporter", "test").submitForm(rmyySign, forged);
        assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 403, "不接受 unitCode");

        ResponseEntity<String> viaRest = basic("rmyy-reporter", HttpMethod.POST, "/engine-rest/task/" + rmyySign + "/submit-form",
                "{\"variables\":" + forged + "}");
        assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), 403, "不接受 unitCode");

        // nothing changed: both units still to sign, rmyy's task open, its instance still rmyy's
        assertThat(reports.unit(campaignId, "rmyy").status()).isEqualTo(UnitStatus.NOT_SIGNED);
        assertThat(reports.unit(campaignId, "zyy").status()).isEqualTo(UnitStatus.NOT_SIGNED);
        assertThat(taskService.createTaskQuery().taskId(rmyySign).count()).isOne();
        assertThat(runtimeService.getVariable(driver.unitTask(campaignId, "rmyy", UnitReportProcess.SIGN_NOTICE).getProcessInstanceId(),
                "unitCode")).isEqualTo("rmyy");
    }

    @Test
    void aUnitCannotHandInForAnotherUnitNorWriteItsVariablesDirectly() throws Exception {
        driver.sign(campaignId, "rmyy");
        driver.stage(campaignId, "rmyy", true, true);
        String fill = driver.unitTask(campaignId, "rmyy", UnitReportProcess.FILL_REPORT).getId();
        String report = JSON.writeValueAsString(new ReportPayload(Driver.seed000Figures("9"), "rmyy 的总结", null, List.of()).toJson());
        String forged = "{\"unitCode\":{\"value\":\"zyy\"},\"campaignId\":{\"value\":\"" + campaignId + "\"},"
                + "\"report\":{\"value\":" + report + ",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}";

        HttpResponse<String> viaTasklist = WebSession.login(port, "rmyy-reporter", "test").submitForm(fill, forged);
        assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 403, "不接受 unitCode：");
        ResponseEntity<String> viaRest = basic("rmyy-reporter", HttpMethod.POST, "/engine-rest/task/" + fill + "/complete",
                "{\"variables\":" + forged + "}");
        assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), 403, "不接受");

        // writing the variable outside a form: refused on the task and on the instance, on both paths
        String pid = driver.unitTask(campaignId, "rmyy", UnitReportProcess.FILL_REPORT).getProcessInstanceId();
        ResponseEntity<String> put = basic("rmyy-reporter", HttpMethod.PUT, "/engine-rest/task/" + fill + "/variables/unitCode",
                "{\"value\":\"zyy\",\"type\":\"String\"}");
        assertThat(put.getStatusCode().value()).isEqualTo(403);
        HttpResponse<String> local = WebSession.login(port, "rmyy-reporter", "test")
                .put(WebSession.ENGINE_API + "/task/" + fill + "/localVariables/unitCode", "{\"value\":\"zyy\",\"type\":\"String\"}");
        assertThat(local.statusCode()).isEqualTo(403);
        ResponseEntity<String> instance = basic("rmyy-reporter", HttpMethod.POST, "/engine-rest/process-instance/" + pid + "/variables",
                "{\"modifications\":{\"unitCode\":{\"value\":\"zyy\"}}}");
        assertThat(instance.getStatusCode().value()).isIn(403, 404);

        assertThat(reports.versions(campaignId, "zyy")).isEmpty();
        assertThat(reports.versions(campaignId, "rmyy")).isEmpty();
        assertThat(reports.unit(campaignId, "zyy").status()).isEqualTo(UnitStatus.NOT_SIGNED);
        assertThat(runtimeService.getVariable(pid, "unitCode")).isEqualTo("rmyy");

        // the honest hand-in goes through, for rmyy
        driver.handIn(campaignId, "rmyy", Driver.seed000Figures("9"), List.of());
        assertThat(reports.unit(campaignId, "rmyy").status()).isEqualTo(UnitStatus.SUBMITTED);
        assertThat(reports.unit(campaignId, "zyy").status()).isEqualTo(UnitStatus.NOT_SIGNED);
    }

    @Test
    void aReporterCannotSkipTheUnitHead() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/xx-market-2023-315.yaml", "  units: [sjzfdd]");
        assertThat(t.unitHeadApproval()).isTrue();
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "sjzfdd");
        driver.stage(id, "sjzfdd", true, false);
        String fill = driver.unitTask(id, "sjzfdd", UnitReportProcess.FILL_REPORT).getId();
        ResponseEntity<String> skip = basic("sjzfdd-reporter", HttpMethod.POST, "/engine-rest/task/" + fill + "/complete",
                "{\"variables\":{\"headApproval\":{\"value\":false},\"report\":{\"value\":\"{}\",\"valueInfo\":{\"transient\":true}}}}");
        assertRefused(skip.getStatusCode().value(), skip.getBody(), 403, "不接受 headApproval");
        assertThat(reports.versions(id, "sjzfdd")).isEmpty();
    }

    @Test
    void nothingIsDistributedBeforeSignOffWhateverTheStartRequestSays() throws Exception {
        String signing = driver.startCampaign("yiyuan-health-2024-315", LocalDate.now().plusDays(10).toString())
                .getProcessInstanceId();
        String pending = (String) runtimeService.getVariable(signing, "campaignId");
        String instructions = "{\"variables\":{\"templateCode\":{\"value\":\"yiyuan-health-2024-315\"},\"campaignId\":{\"value\":\""
                + pending + "\"}},\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"distributeNotice\"}]}";
        ResponseEntity<String> viaRest = basic("drafter1", HttpMethod.POST, "/engine-rest/process-definition/key/campaign/start", instructions);
        assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), 403, "只有运维人员");
        HttpResponse<String> viaTasklist = WebSession.login(port, "drafter1", "test")
                .post(WebSession.ENGINE_API + "/process-definition/key/campaign/start", instructions);
        assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 403, "只有运维人员");
        // a plain start may not name the campaign either
        ResponseEntity<String> named = basic("drafter1", HttpMethod.POST, "/engine-rest/process-definition/key/campaign/start",
                "{\"variables\":{\"templateCode\":{\"value\":\"yiyuan-health-2024-315\"},\"campaignId\":{\"value\":\"" + pending + "\"}}}");
        assertRefused(named.getStatusCode().value(), named.getBody(), 403, "不接受 campaignId");
        // and nobody starts a unit's report or a distribution by hand
        ResponseEntity<String> unit = basic("drafter1", HttpMethod.POST, "/engine-rest/process-definition/key/unitReport/start",
                "{\"businessKey\":\"" + pending + ":rmyy\"}");
        assertThat(unit.getStatusCode().value()).isIn(403, 404);
        driver.user("ops9", cn.duban.identity.Roles.OPERATOR);
        ResponseEntity<String> byOperator = basic("ops9", HttpMethod.POST, "/engine-rest/process-definition/key/unitReport/start",
                "{\"businessKey\":\"" + pending + ":rmyy\"}");
        assertRefused(byOperator.getStatusCode().value(), byOperator.getBody(), 403, "该流程由督办系统自动启动");
        // nor a periodic return's series (it would open periods of a notice nobody signed off)
        ResponseEntity<String> seriesByOperator = basic("ops9", HttpMethod.POST, "/engine-rest/process-definition/key/series/start",
                "{\"businessKey\":\"" + pending + "\"}");
        assertRefused(seriesByOperator.getStatusCode().value(), seriesByOperator.getBody(), 403, "该流程由督办系统自动启动");
        ResponseEntity<String> seriesByDrafter = basic("drafter1", HttpMethod.POST, "/engine-rest/process-definition/key/series/start",
                "{\"businessKey\":\"" + pending + "\"}");
        assertThat(seriesByDrafter.getStatusCode().value()).isIn(403, 404);

        assertThat(campaigns.get(pending).status()).isEqualTo(CampaignStatus.DRAFTING);
        assertThat(reports.units(pending)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(pending + ":%").count()).isZero();
    }

    @Test
    void refusalsOfTheRulesAreAnsweredWith4xxAndTheChineseMessageAlone() throws Exception {
        driver.sign(campaignId, "zyy");
        String fill = driver.unitTask(campaignId, "zyy", UnitReportProcess.FILL_REPORT).getId();
        String report = JSON.writeValueAsString(new ReportPayload(Driver.seed000Figures("1"), "总结", null, List.of()).toJson());
        String vars = "{\"report\":{\"value\":" + report + ",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}";
        // no summary document and no photo: the rules refuse
        HttpResponse<String> viaTasklist = WebSession.login(port, "zyy-reporter", "test").submitForm(fill, vars);
        assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 400, "请上传“总结文档”");
        assertThat(JSON.readTree(viaTasklist.body()).get("fieldErrors").get("photos").asText()).isNotBlank();
        ResponseEntity<String> viaRest = basic("zyy-reporter", HttpMethod.POST, "/engine-rest/task/" + fill + "/complete",
                "{\"variables\":" + vars + "}");
        assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), 400, "请上传“总结文档”");
        // ending collection before the deadline
        String monitor = driver.task(campaignId, CampaignProcess.MONITOR_REPORTS).getId();
        ResponseEntity<String> close = basic("drafter1", HttpMethod.POST, "/engine-rest/task/" + monitor + "/complete", "{}");
        assertRefused(close.getStatusCode().value(), close.getBody(), 400, "过后才能结束征集");
        assertThat(taskService.createTaskQuery().taskId(monitor).count()).isOne();
    }

    /**
     * Two reviewers open the same report (issue #16): the second to claim is told, in Chinese, who has it; once the
     * first has approved it, a late submit is told it is done — 409 both, through Tasklist's path and /engine-rest.
     */
    @Test
    void theSlowerOfTwoReviewersIsToldWhoHasTheReportAndThatItIsDone() throws Exception {
        driver.user("reviewer2", "reviewer");
        driver.sign(campaignId, "zyy");
        driver.stage(campaignId, "zyy", true, true);
        driver.handIn(campaignId, "zyy", Driver.seed000Figures("1"), List.of());
        String review = driver.unitTask(campaignId, "zyy", UnitReportProcess.REVIEW_REPORT).getId();
        WebSession first = WebSession.login(port, "reviewer1", "test");
        assertThat(first.post(WebSession.ENGINE_API + "/task/" + review + "/claim", "{\"userId\":\"reviewer1\"}").statusCode()).isEqualTo(204);

        HttpResponse<String> viaTasklist = WebSession.login(port, "reviewer2", "test")
                .post(WebSession.ENGINE_API + "/task/" + review + "/claim", "{\"userId\":\"reviewer2\"}");
        assertRefused(viaTasklist.statusCode(), viaTasklist.body(), 409, "该任务已由reviewer1认领");
        ResponseEntity<String> viaRest = basic("reviewer2", HttpMethod.POST, "/engine-rest/task/" + review + "/claim", "{\"userId\":\"reviewer2\"}");
        assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), 409, "认领");

        driver.review(campaignId, "zyy", true, null, null);
        String approve = "{\"reportApproved\":{\"value\":true,\"type\":\"Boolean\"}}";
        HttpResponse<String> late = WebSession.login(port, "reviewer2", "test").submitForm(review, approve);
        assertRefused(late.statusCode(), late.body(), 409, "该任务已经办结");
        ResponseEntity<String> lateRest = basic("reviewer2", HttpMethod.POST, "/engine-rest/task/" + review + "/complete",
                "{\"variables\":" + approve + "}");
        assertRefused(lateRest.getStatusCode().value(), lateRest.getBody(), 409, "该任务已经办结");
    }

    /** A refusal: the expected status, and the Chinese message alone, never the engine's wording. */
    static void assertRefused(int status, String body, int expected, String message) throws Exception {
        assertThat(status).as(body).isEqualTo(expected);
        String text = JSON.readTree(body).get("message").asText();
        assertThat(text).contains(message).doesNotContain("ENGINE-").doesNotContain("TaskListener").doesNotContain("Cannot");
    }

    ResponseEntity<String> basic(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "test").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
