package cn.duban.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/campaign.bpmn alone (with the two processes it calls, their homes mocked too), one test per path, without
 * Spring: draft → notice approval → issue → distribution → monitoring with the daily reminder timer → close
 * (by the section, or by the message that every report is approved) → county summary → archive.
 */
@Deployment(resources = {"processes/campaign.bpmn", "processes/noticeApproval.bpmn", "processes/distribution.bpmn"})
class CampaignModelTest {

    /** Its own configuration file: a camunda.cfg.xml on the class path would be picked up by Camunda's default-engine lookup. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().configurationResource(ProcessModels.CONFIGURATION).build();

    final CampaignProcess flow = mock(CampaignProcess.class);
    final NoticeApprovalProcess approval = mock(NoticeApprovalProcess.class);
    final DistributionProcess distribution = mock(DistributionProcess.class);
    ProcessInstance pi;

    @BeforeEach
    void register() {
        // this class\'s engine, not one a Spring test of the same JVM left to camunda-bpm-assert\'s thread
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(ENGINE.getProcessEngine());
        Mocks.register(CampaignProcess.FLOW, flow);
        Mocks.register(NoticeApprovalProcess.FLOW, approval);
        Mocks.register(DistributionProcess.FLOW, distribution);
        doAnswer(a -> {
            a.getArgument(0, DelegateExecution.class).setVariable("campaignId", "C1");
            return null;
        }).when(flow).createDraft(any());
        when(flow.dailyCycle(any())).thenReturn("R/2099-01-01T09:00:00/P1D");
        when(approval.drafter(any())).thenReturn("drafter1");
        when(approval.drafters(any())).thenReturn("drafter");
        when(approval.head(any())).thenReturn("section-head");
        when(flow.officePeople(any())).thenReturn("drafter,reviewer,section-head");
        when(flow.summaryPeople(any())).thenReturn("drafter,section-head");
        when(approval.reviewPassed(any())).thenReturn(true);
        when(approval.signed(any())).thenReturn(true);
        doAnswer(a -> {
            a.getArgument(0, DelegateExecution.class).setVariable("batches", List.of());
            return null;
        }).when(distribution).planBatches(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** Starts a campaign and takes it through approval, issue and distribution to monitoring. */
    void toMonitoring() {
        pi = runtimeService().startProcessInstanceByKey(CampaignProcess.KEY, "C1");
        verify(flow).createDraft(any(DelegateExecution.class));
        assertThat(pi).isWaitingAt(CampaignProcess.APPROVE_NOTICE);
        for (int step = 0; step < 3; step++) {
            complete(taskQuery().processInstanceBusinessKey("C1").singleResult());
        }
        assertThat(pi).isWaitingAt(CampaignProcess.ISSUE_NOTICE);
        verify(flow, never()).issue(any());
        runJobs();
        verify(flow).issue(any(DelegateExecution.class));
        assertThat(pi).isWaitingAt(CampaignProcess.MONITOR_REPORTS);
        assertThat(task()).hasCandidateGroup("reviewer");
    }

    @Test
    void theSectionClosesCollectionThenSummarisesAndTheCampaignIsArchived() {
        toMonitoring();
        complete(task());
        verify(flow).closeRequested(any(DelegateTask.class));
        runJobs();
        verify(flow).close(any(DelegateExecution.class));
        assertThat(pi).isWaitingAt(CampaignProcess.SUMMARIZE_COUNTY);
        complete(task());
        runJobs();
        verify(flow).archive(any(DelegateExecution.class));
        assertThat(pi).isEnded().hasPassed("campaignArchived");
    }

    @Test
    void theLastApprovalClosesCollectionByItself() {
        toMonitoring();
        runtimeService().createMessageCorrelation(CampaignProcess.MESSAGE_ALL_APPROVED).processInstanceId(pi.getId()).correlate();
        runJobs();
        verify(flow).close(any(DelegateExecution.class));
        verify(flow, never()).closeRequested(any());
        assertThat(pi).isWaitingAt(CampaignProcess.SUMMARIZE_COUNTY);
    }

    @Test
    void theDailyTimerSendsRemindersAndMonitoringGoesOn() {
        toMonitoring();
        Job timer = jobQuery().activityId(CampaignProcess.DAILY_REMINDER_TIMER).singleResult();
        execute(timer);
        execute(jobQuery().activityId(CampaignProcess.DAILY_REMINDER_TIMER).singleResult());
        verify(flow, times(2)).sendReminders(any(DelegateExecution.class));
        assertThat(pi).isWaitingAt(CampaignProcess.MONITOR_REPORTS);
    }

    /** Runs the due jobs (the async steps), not the daily timer, which is due another day. */
    static void runJobs() {
        for (int guard = 0; guard < 50; guard++) {
            List<Job> jobs = jobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> execute(j));
        }
    }
}
