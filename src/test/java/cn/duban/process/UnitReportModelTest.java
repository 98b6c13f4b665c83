package cn.duban.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/unitReport.bpmn alone, one test per path, without Spring: 签收 → (contributions) → 填报 → (the unit head)
 * → 审核 → the recorded approval, every return, and the campaign closing on the unit. The process's home
 * ({@link UnitReportProcess}) is a Mockito mock answering who and whether; the tasks are completed as Tasklist
 * would. What the home does with duban's tables is UnitReportProcessTest's (whole application) concern.
 */
@Deployment(resources = "processes/unitReport.bpmn")
class UnitReportModelTest {

    /** Its own configuration file: a camunda.cfg.xml on the class path would be picked up by Camunda's default-engine lookup. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().configurationResource(ProcessModels.CONFIGURATION).build();

    final UnitReportProcess flow = mock(UnitReportProcess.class);
    ProcessInstance pi;

    @BeforeEach
    void register() {
        // this class\'s engine, not one a Spring test of the same JVM left to camunda-bpm-assert\'s thread
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(ENGINE.getProcessEngine());
        Mocks.register(UnitReportProcess.FLOW, flow);
        when(flow.unitGroup(any())).thenReturn("unit-zyy");
        when(flow.reviewGroup(any())).thenReturn("reviewer");
        when(flow.reporter(any())).thenReturn("zyy-reporter");
        when(flow.unitHead(any())).thenReturn("zyy-head");
        when(flow.pendingContributions(any())).thenReturn(List.of());
    }

    /** Starts the instance (the extension deploys the model only after the @BeforeEach methods). */
    void begin() {
        pi = runtimeService().startProcessInstanceByKey(UnitReportProcess.KEY, "C1:zyy");
        assertThat(pi).isWaitingAt(UnitReportProcess.SIGN_NOTICE);
        assertThat(task()).hasCandidateGroup("unit-zyy");
        verify(flow).noticeArrived(any(DelegateTask.class));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    void sign() {
        complete(task());
        verify(flow).signed(any(DelegateTask.class));
    }

    @Test
    void signFillApproveRecordsTheApprovalAsyncAndEnds() {
        begin();
        when(flow.approved(any())).thenReturn(true);
        sign();
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        assertThat(task()).isAssignedTo("zyy-reporter");
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
        assertThat(task()).hasCandidateGroup("reviewer");
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.RECORD_APPROVAL);
        verify(flow, never()).recordApproval(any());
        execute(job());
        verify(flow).recordApproval(any(DelegateExecution.class));
        assertThat(pi).isEnded().hasPassed(UnitReportProcess.REPORT_APPROVED_END);
    }

    @Test
    void aRollUpMembersReviewGoesToItsIntermediateUnit() {
        begin();
        when(flow.reviewGroup(any())).thenReturn("unit-jkzx");
        sign();
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
        assertThat(task()).hasCandidateGroup("unit-jkzx");
    }

    @Test
    void aReturnedReportIsFilledAgainAndReviewedAgain() {
        begin();
        when(flow.approved(any())).thenReturn(false, true);
        sign();
        complete(task());
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
        verify(flow, times(2)).handedIn(any(DelegateTask.class));
    }

    @Test
    void theUnitHeadApprovesBeforeTheSectionReviews() {
        begin();
        when(flow.needsHeadApproval(any())).thenReturn(true);
        when(flow.headApproved(any())).thenReturn(true);
        sign();
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.APPROVE_BY_HEAD);
        assertThat(task()).isAssignedTo("zyy-head");
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.REVIEW_REPORT);
    }

    @Test
    void theUnitHeadReturnsItToTheReporter() {
        begin();
        when(flow.needsHeadApproval(any())).thenReturn(true);
        when(flow.headApproved(any())).thenReturn(false);
        sign();
        complete(task());
        complete(task());
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
        verify(flow).headDecided(any(DelegateTask.class));
        verify(flow, never()).reviewed(any());
    }

    @Test
    void aCooperatingUnitSendsEachContributionBeforeItFillsItsReport() {
        begin();
        when(flow.cooperates(any())).thenReturn(true);
        when(flow.pendingContributions(any())).thenReturn(List.of("4-1", "6"));
        sign();
        assertThat(pi).isWaitingAt(UnitReportProcess.SEND_CONTRIBUTION);
        org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey(UnitReportProcess.SEND_CONTRIBUTION).count()).isEqualTo(2);
        taskQuery().taskDefinitionKey(UnitReportProcess.SEND_CONTRIBUTION).list().forEach(t -> complete(t));
        verify(flow, times(2)).contributed(any(DelegateTask.class));
        assertThat(pi).isWaitingAt(UnitReportProcess.FILL_REPORT);
    }

    @Test
    void theCampaignClosingEndsTheUnitWhereverItStands() {
        begin();
        sign();
        runtimeService().createMessageCorrelation(UnitReportProcess.MESSAGE_CAMPAIGN_CLOSED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("reportClosed");
    }
}
