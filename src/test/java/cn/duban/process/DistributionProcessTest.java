package cn.duban.process;

import cn.duban.distribution.DistributionService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignService;
import cn.duban.report.ReportService;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/distribution.bpmn: one async job per batch of units (batch size 7 in tests), one instance per unit. */
@EngineTest
class DistributionProcessTest {

    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired CampaignService campaigns;
    @Autowired ReportService reports;
    @Autowired DistributionService distribution;

    String campaignId;

    @BeforeEach
    void signedCampaign() {
        AbstractAssertions.init(engine);
        driver.sectionPeople();
        campaignId = campaigns.createDraft("yiyuan-health-2024-315", java.time.LocalDate.now().plusDays(10), "drafter1").id();
        campaigns.submitDraft(campaignId, null);
        campaigns.decide(campaignId, cn.duban.support.Decisions.Stage.REVIEW, true, null, "head1");
        campaigns.decide(campaignId, cn.duban.support.Decisions.Stage.SIGNOFF, true, null, "leader1");
        campaigns.issue(campaignId);
    }

    @Test
    void everyTargetUnitGetsExactlyOneReportProcessInBatchJobs() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("distribution", campaignId,
                Map.of(CampaignProcess.CAMPAIGN_ID.name(), campaignId));
        // 20 health units in batches of 7: three jobs, each its own transaction
        assertThat(pi).isWaitingAt("distributeBatch");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(3);
        // a batch commits without touching the batches' shared parent execution (where two nodes' batches
        // would collide and roll back 7 started units): its completion is a small job of its own
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).listPage(0, 1).get(0).getId());
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).list())
                .extracting(j -> ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j).getJobHandlerConfigurationRaw())
                .containsExactlyInAnyOrder("activity-start-create-scope", "activity-start-create-scope", "activity-end");
        driver.runJobs();
        assertThat(pi).isEnded().hasPassed("noticeDistributed");
        assertThat(reports.units(campaignId)).hasSize(20).allSatisfy(u -> assertThat(u.processInstanceId()).isNotNull());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReportProcess.KEY)
                .variableValueEquals("campaignId", campaignId).count()).isEqualTo(20);
    }

    @Test
    void aRetriedBatchStartsNoUnitTwice() {
        var batches = distribution.planBatches(campaignId);
        assertThat(batches).containsExactly(0, 1, 2);
        assertThat(distribution.distributeBatch(campaignId, 1)).isEqualTo(7);
        // the same job run again (a retry after a crash that happened after commit) finds nothing to do
        assertThat(distribution.distributeBatch(campaignId, 1)).isZero();
        assertThat(distribution.planBatches(campaignId)).containsExactly(0, 1, 2);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitReportProcess.KEY)
                .variableValueEquals("campaignId", campaignId).count()).isEqualTo(7);
    }
}
