package cn.duban.process;

import cn.duban.report.AttachmentInfo;
import cn.duban.report.ReportService;
import cn.duban.report.ReportVersion;
import cn.duban.report.AttachmentService;
import cn.duban.report.UnitStatus;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportStatus;
import static cn.duban.Driver.transientString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignTemplate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/unitReport.bpmn: one unit's report, a test per path. */
@EngineTest
class UnitReportProcessTest {

    static final String SEED_000 = "campaigns/yiyuan-health-2024-315.yaml";
    static final String SEED_001 = "campaigns/xx-market-2023-315.yaml";

    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ReportService reports;
    @Autowired AttachmentService attachments;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        driver.sectionPeople();
    }

    String campaign(String seed, String units) {
        CampaignTemplate t = driver.uploadVariant(seed, "  units: [" + units + "]");
        return driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
    }

    ProcessInstance instance(String campaignId, String unit) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaignId + ":" + unit).singleResult();
    }

    @Test
    void signFillApprove() {
        String id = campaign(SEED_000, "zyy");
        ProcessInstance pi = instance(id, "zyy");
        // the notice waits to be signed before the unit's work (单位办理) begins
        assertThat(pi).isWaitingAt(UnitReportProcess.SIGN_NOTICE).hasNotPassed("resubmitJoin");
        assertThat(engine.getRuntimeService().getActivityInstance(pi.getId()).getActivityInstances("prepareReport")).isEmpty();
        sign(id, "zyy");
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        assertThat(driver.unitTask(id, "zyy", UnitReportProcess.FILL_REPORT).getAssignee()).isEqualTo("zyy-reporter");
        assertThat(driver.unitTask(id, "zyy", UnitReportProcess.FILL_REPORT).getName())
                .as("the unit's list tells its notices apart").isEqualTo("填报并报送统计表 · 2024年“3·15”国际消费者权益日活动方案 · 沂源县中医医院");
        fill(id, "zyy", "2");
        assertThat(pi).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
        var review = driver.unitTask(id, "zyy", UnitReportProcess.REVIEW_REPORT);
        assertThat(review.getName()).as("a reviewer's rows name the unit").endsWith(" · 沂源县中医医院").startsWith("审核报送 · ");
        assertThat(review.getAssignee()).as("several reviewers: whoever takes it claims it").isNull();
        review(id, "zyy", true);
        assertThat(pi).isWaitingAt("recordApproval");
        driver.runJobs();
        assertThat(pi).isEnded().hasPassed("reportApproved");
        assertThat(reports.unit(id, "zyy").status()).isEqualTo(UnitStatus.APPROVED);
    }

    @Test
    void reviewReturnSendsItBackToFillIn() {
        String id = campaign(SEED_000, "zyy, fybjy");
        ProcessInstance pi = instance(id, "zyy");
        sign(id, "zyy");
        fill(id, "zyy", "2");
        driver.submit("reviewer1", driver.unitTask(id, "zyy", UnitReportProcess.REVIEW_REPORT), Map.of(
                UnitReportProcess.REPORT_APPROVED.name(), false,
                UnitReportProcess.COMMENT.name(), transientString("缺少图片说明"),
                UnitReportProcess.NEW_DUE_DATE.name(), transientString(LocalDate.now().plusDays(14).toString())));
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        assertThat(reports.unit(id, "zyy").status()).isEqualTo(UnitStatus.RETURNED);
        assertThat(reports.unit(id, "zyy").returnCount()).isEqualTo(1);
    }

    @Test
    void aReturnWithoutNewDueDateIsRefused() {
        String id = campaign(SEED_000, "zyy");
        sign(id, "zyy");
        fill(id, "zyy", "2");
        assertThatThrownBy(() -> driver.submit("reviewer1", driver.unitTask(id, "zyy", UnitReportProcess.REVIEW_REPORT), Map.of(
                UnitReportProcess.REPORT_APPROVED.name(), false, UnitReportProcess.COMMENT.name(), transientString("请补充"))))
                .hasMessageContaining("新的报送期限");
        assertThat(instance(id, "zyy")).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
    }

    @Test
    void unitHeadReturnsThenApproves() {
        // seed 001 asks for the unit head's approval before a report leaves the unit
        String id = campaign(SEED_001, "sjzfdd");
        ProcessInstance pi = instance(id, "sjzfdd");
        sign(id, "sjzfdd");
        fill001(id, "sjzfdd");
        assertThat(pi).isWaitingAt(UnitReportProcess.APPROVE_BY_HEAD);
        assertThat(driver.unitTask(id, "sjzfdd", UnitReportProcess.APPROVE_BY_HEAD).getAssignee()).isEqualTo("sjzfdd-head");
        head(id, "sjzfdd", false, "数字再核一遍");
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        fill001(id, "sjzfdd");
        head(id, "sjzfdd", true, null);
        assertThat(pi).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
        assertThat(reports.versions(id, "sjzfdd")).extracting(ReportVersion::status)
                .containsExactly(ReportStatus.SUBMITTED, ReportStatus.HEAD_RETURNED);
    }

    @Test
    void cooperatingUnitSendsOneContributionPerItemBeforeItsOwnReport() {
        String id = campaign(SEED_001, "sj12315, sjspg");
        ProcessInstance pi = instance(id, "sjspg");
        sign(id, "sjspg");
        assertThat(pi).isWaitingAt(UnitReportProcess.SEND_CONTRIBUTION);
        var tasks = driver.unitTasks(id, "sjspg", UnitReportProcess.SEND_CONTRIBUTION);
        assertThat(tasks).hasSize(3);
        for (var task : tasks) {
            driver.submit("sjspg-reporter", task, Map.of(UnitReportProcess.CONTRIBUTION.name(), transientString("食品股配合情况")));
        }
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        // the lead unit does not cooperate: straight to its own report
        sign(id, "sj12315");
        assertThat(instance(id, "sj12315")).isWaitingAt(UnitReportProcess.FILL_REPORT);
    }

    @Test
    void aUnitsInstanceHasNoTimerOfItsOwnTheCampaignsDailyCheckRemindsIt() {
        String id = campaign(SEED_000, "zyy, rmyy");
        // 10,000 units would otherwise mean 10,000 timer jobs a day: the reminders come from the campaign
        for (String unit : List.of("zyy", "rmyy")) {
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance(id, unit).getId()).timers().count())
                    .isZero();
        }
        var campaign = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("campaign")
                .variableValueEquals(UnitReportProcess.CAMPAIGN_ID.name(), id).singleResult();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(campaign.getId())
                .timers().activityId("dailyReminderTimer").count()).isEqualTo(1);
    }

    @Test
    void aReturnGoesBackIntoTheUnitsWorkWithoutSigningAgain() {
        String id = campaign(SEED_000, "zyy");
        ProcessInstance pi = instance(id, "zyy");
        sign(id, "zyy");
        fill(id, "zyy", "2");
        driver.submit("reviewer1", driver.unitTask(id, "zyy", UnitReportProcess.REVIEW_REPORT), Map.of(
                UnitReportProcess.REPORT_APPROVED.name(), false,
                UnitReportProcess.COMMENT.name(), transientString("请补充"),
                UnitReportProcess.NEW_DUE_DATE.name(), transientString(LocalDate.now().plusDays(14).toString())));
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        assertThat(driver.unitTasks(id, "zyy", UnitReportProcess.SIGN_NOTICE)).isEmpty();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(UnitReportProcess.SIGN_NOTICE).count()).as("签收 once").isEqualTo(1);
        // the new round has no timer of its own either: the campaign's daily check reminds it
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    }

    @Test
    void aDoubleClickedSubmitKeepsOneVersion() {
        String id = campaign(SEED_000, "zyy");
        sign(id, "zyy");
        driver.stage(id, "zyy", true, true);
        var task = driver.unitTask(id, "zyy", UnitReportProcess.FILL_REPORT);
        String json = new ReportPayload(Driver.seed000Figures("1"), "总结", null, List.of()).toJson();
        driver.submit("zyy-reporter", task, Map.of(UnitReportProcess.REPORT.name(), transientString(json)));
        // the second click reaches a task that is gone: refused in Chinese (409), and nothing is saved twice
        assertThatThrownBy(() -> driver.submit("zyy-reporter", task, Map.of(UnitReportProcess.REPORT.name(), transientString(json))))
                .hasMessage("该任务已经办结（可能已由他人处理），请刷新任务列表");
        assertThat(reports.versions(id, "zyy")).hasSize(1);
        assertThat(reports.unit(id, "zyy").status()).isEqualTo(UnitStatus.SUBMITTED);
    }

    @Test
    void campaignClosedEndsAnOpenReport() {
        String id = campaign(SEED_000, "zyy");
        ProcessInstance pi = instance(id, "zyy");
        runtimeService.createMessageCorrelation(UnitReportProcess.MESSAGE_CAMPAIGN_CLOSED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("reportClosed");
    }

    void sign(String id, String unit) {
        driver.sign(id, unit);
    }

    void fill(String id, String unit, String amount) {
        driver.stage(id, unit, true, true);
        Map<String, String> values = Driver.seed000Figures(amount);
        values.put("7", "0.5");
        driver.handIn(id, unit, values, List.of());
    }

    void fill001(String id, String unit) {
        List<Long> keep = reports.versions(id, unit).stream().findFirst()
                .map(v -> v.attachments().stream().map(AttachmentInfo::id).toList()).orElse(List.of());
        if (keep.isEmpty()) {
            driver.stage(id, unit, true, false);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String code : List.of("consultations", "complaints", "resolved", "inspections", "cases", "disclosures",
                "warnings", "lawevents", "pledges", "recovered")) {
            values.put(code, "1");
        }
        driver.handIn(id, unit, values, keep);
    }

    void review(String id, String unit, boolean approved) {
        driver.review(id, unit, approved, null, null);
    }

    void head(String id, String unit, boolean approved, String comment) {
        driver.submit(unit + "-head", driver.unitTask(id, unit, UnitReportProcess.APPROVE_BY_HEAD), Map.of(
                UnitReportProcess.HEAD_APPROVED.name(), approved,
                UnitReportProcess.COMMENT.name(), transientString(comment == null ? "" : comment)));
    }
}
