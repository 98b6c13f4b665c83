package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.process.CampaignProcess;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A database of the previous version: campaigns running on the models of 2026-12-01 (whose listeners and
 * expressions named beans that are gone) carry on after the upgrade, because the deployer's new versions come
 * with a migration of every running instance onto them.
 */
@EngineTest
class ProcessUpgradeIT {

    static final String LEGACY = "legacy/2026-12-01/";

    @Autowired Driver driver;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessDeployer deployer;
    @Autowired ProcessMigrator migrator;
    @Autowired ReportService reports;
    @Autowired org.camunda.bpm.engine.FormService formService;

    @Test
    void campaignsOfThePreviousModelsRunOnAfterTheUpgrade() throws IOException {
        driver.sectionPeople();
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy, fybjy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        driver.sign(id, "zyy");
        driver.stage(id, "zyy", true, true);
        driver.handIn(id, "zyy", Driver.seed000Figures("3"), List.of());

        // the database as the previous version left it: its models deployed last, every instance running on them
        var legacy = repositoryService.createDeployment().name(ProcessDeployer.DEPLOYMENT_NAME).source("duban");
        for (String f : List.of("campaign.bpmn", "distribution.bpmn", "noticeApproval.bpmn", "unitReport.bpmn")) {
            try (InputStream in = new ClassPathResource(LEGACY + f).getInputStream()) {
                legacy.addString(f, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        legacy.deploy();
        for (String key : List.of(CampaignProcess.KEY, UnitReportProcess.KEY)) {
            ProcessDefinition old = latest(key);
            for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()) {
                var plan = runtimeService.createMigrationPlan(pi.getProcessDefinitionId(), old.getId()).mapEqualActivities().build();
                runtimeService.newMigration(plan).processInstanceIds(pi.getId()).execute();
            }
        }
        // (other tests of this context may have left instances running: this campaign's own are counted)
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(latest(UnitReportProcess.KEY).getId())
                .processInstanceBusinessKeyLike(id + ":%").count()).isEqualTo(3);

        // the upgrade: this version's models are deployed again, and the instances move onto them
        deployer.deploy();
        assertThat(migrator.migrateAll()).as("this campaign's instance and its three units', and any other running").isGreaterThanOrEqualTo(4);
        for (String key : List.of(CampaignProcess.KEY, UnitReportProcess.KEY)) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list())
                    .allMatch(pi -> pi.getProcessDefinitionId().equals(latest(key).getId()));
        }

        // every task of the new model finds its form in its own deployment (embedded:deployment:forms/…), as Tasklist asks
        for (String unit : List.of("rmyy", "zyy", "fybjy")) {
            var task = driver.unitTasks(id, unit, UnitReportProcess.SIGN_NOTICE).stream().findFirst()
                    .or(() -> driver.unitTasks(id, unit, UnitReportProcess.FILL_REPORT).stream().findFirst())
                    .or(() -> driver.unitTasks(id, unit, UnitReportProcess.REVIEW_REPORT).stream().findFirst()).orElseThrow();
            try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
                assertThat(form).as("the form of " + unit + "'s " + task.getTaskDefinitionKey()).isNotNull();
            }
        }

        // and every unit finishes its report on the new model
        driver.sign(id, "fybjy");
        assertThat(driver.unitTask(id, "fybjy", UnitReportProcess.FILL_REPORT).getAssignee()).isEqualTo("fybjy-reporter");
        for (String unit : List.of("rmyy", "fybjy")) {
            driver.stage(id, unit, true, true);
            driver.handIn(id, unit, Driver.seed000Figures("1"), List.of());
        }
        for (String unit : List.of("rmyy", "zyy", "fybjy")) {
            driver.review(id, unit, true, null, null);
        }
        driver.runJobs();
        assertThat(reports.units(id)).allMatch(u -> u.status() == UnitStatus.APPROVED);
        assertThat(driver.task(id, CampaignProcess.SUMMARIZE_COUNTY)).isNotNull();
    }

    ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }
}
