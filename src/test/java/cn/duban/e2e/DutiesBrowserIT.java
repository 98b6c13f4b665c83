package cn.duban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.process.CampaignProcess;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The operator's day and the section's withdrawal after issue #27, in the real Cockpit in headless Chromium: the
 * operator still retries a failed job from an incident, and is told in Chinese — with where to go instead — that
 * cancelling a unit's report is not theirs; the 科长 withdraws a unit on the 督办看板 with a reason, and the unit
 * reads 已撤销 there. Screenshots under target/e2e/duties/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "e2e"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.springframework.context.annotation.Import(cn.duban.Driver.class)
class DutiesBrowserIT {

    static final String PW = "demo";

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired ReportService reports;
    @Autowired cn.duban.Driver driver;

    Browser b;

    @BeforeAll
    void browser() {
        b = new Browser("http://localhost:" + port, Path.of("target/e2e/duties"));
    }

    @AfterAll
    void close() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void theOperatorRetriesAFailedJobButCancelsNoUnitsReportAndTheSectionHeadWithdrawsAUnit() {
        try {
            walk();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("FAILED");
            throw e;
        }
    }

    void walk() {
        // a live campaign of seed 000, signed off, both units at 签收
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String campaignId = driver.issue(driver.startCampaign(t.code(), java.time.LocalDate.now().plusDays(10).toString()));
        String unitPid = b.until(d -> reports.unit(campaignId, "zyy").processInstanceId());
        var campaign = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
                .processInstanceBusinessKey(campaignId).singleResult();
        // its daily reminder check fails for good (the mail relay is down, say): an incident on the campaign
        var job = managementService.createJobQuery().processInstanceId(campaign.getId()).timers().list().get(0);
        managementService.setJobRetries(job.getId(), 0);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(campaign.getId()).count()).isOne();

        // ---- the operator retries it from the incident in Cockpit
        b.login("cockpit", "operator", PW);
        b.go("/camunda/app/cockpit/default/#/process-instance/" + campaign.getId() + "/runtime?tab=incidents-tab");
        b.click("a.action-button .glyphicon-repeat");
        b.click(".modal-footer button.btn-primary[type='submit']");
        b.until(d -> managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0 ? Boolean.TRUE : null);
        b.screenshot("operator-retried-incident");
        assertThat(b.pageText()).doesNotContain("ENGINE-");
        b.go("/camunda/app/cockpit/default/#/dashboard");

        // ---- and is told that cancelling a unit's report is not theirs, in Chinese, with where to go instead
        b.go("/camunda/app/cockpit/default/#/process-instance/" + unitPid + "/runtime");
        b.click("a.btn-toolbar .glyphicon-remove");
        b.click(".modal-footer button[ng-click='cancelProcessInstance()']");
        b.waitForText("督办流程由督办系统推进");
        assertThat(b.pageText()).contains("请在督办看板上操作").doesNotContain("ENGINE-").doesNotContain("does not have");
        b.screenshot("operator-cancel-refused");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(unitPid).count()).isOne();

        // ---- the 科长 withdraws the unit on the 督办看板, with a reason
        b.login("cockpit", "zhangke", PW);
        b.go("/camunda/app/cockpit/default/#/duban?campaign=" + campaignId + "&unit=zyy");
        b.visible("#duban-dashboard[data-loaded='true']");
        b.click("#duban-withdrawal summary");
        b.js("window.confirm = function () { return true; };");
        b.click("#duban-withdraw");
        assertThat(b.visible("#duban-withdraw-message").getText()).isEqualTo("请填写撤销理由");
        b.type("#duban-withdraw-reason", "该院已并入县人民医院，不再单独报送");
        b.click("#duban-withdraw");
        assertThat(b.visible("#duban-withdrawn").getText()).contains("张珂").contains("撤销了本单位的报送").contains("该院已并入县人民医院");
        b.screenshot("dashboard-unit-withdrawn");
        assertThat(reports.unit(campaignId, "zyy").status()).isEqualTo(UnitStatus.WITHDRAWN);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(unitPid).count()).isZero();
        b.go("/camunda/app/cockpit/default/#/duban?campaign=" + campaignId + "&bucket=WITHDRAWN");
        b.visible("#duban-dashboard[data-loaded='true']");
        assertThat(b.visible("tr[data-unit='zyy']").getText()).contains("已撤销");
        b.screenshot("dashboard-withdrawn-bucket");
    }
}
