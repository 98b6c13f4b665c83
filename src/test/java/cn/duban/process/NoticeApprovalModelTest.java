package cn.duban.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
 * bpmn/noticeApproval.bpmn alone, one test per path: no Spring, no duban tables. The process's home
 * ({@link NoticeApprovalProcess}, the EL facade the model calls) is a Mockito mock, so what is tested here is the
 * model — which task follows which answer, who is asked — and that it calls its home at each step; what the home
 * does with the campaign is NoticeApprovalProcessTest's (whole application) concern.
 */
@Deployment(resources = "processes/noticeApproval.bpmn")
class NoticeApprovalModelTest {

    /** Its own configuration file: a camunda.cfg.xml on the class path would be picked up by Camunda's default-engine lookup. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().configurationResource(ProcessModels.CONFIGURATION).build();

    final NoticeApprovalProcess flow = mock(NoticeApprovalProcess.class);
    ProcessInstance pi;

    @BeforeEach
    void register() {
        // this class\'s engine, not one a Spring test of the same JVM left to camunda-bpm-assert\'s thread
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(ENGINE.getProcessEngine());
        Mocks.register(NoticeApprovalProcess.FLOW, flow);
        when(flow.drafter(any(DelegateExecution.class))).thenReturn("drafter1");
        // the notice's office's groups (the default office's here)
        when(flow.drafters(any(DelegateExecution.class))).thenReturn("drafter");
        when(flow.head(any(DelegateExecution.class))).thenReturn("section-head");
    }

    /** Starts the instance (the extension deploys the model only after the @BeforeEach methods). */
    void begin() {
        pi = runtimeService().startProcessInstanceByKey(NoticeApprovalProcess.KEY, "C1");
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.DRAFT_NOTICE);
        assertThat(task()).isAssignedTo("drafter1");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void draftReviewSignOffEnds() {
        begin();
        when(flow.reviewPassed(any())).thenReturn(true);
        when(flow.signed(any())).thenReturn(true);
        complete(task());
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.REVIEW_NOTICE);
        assertThat(task()).hasCandidateGroup("section-head");
        complete(task());
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.SIGN_OFF_NOTICE);
        assertThat(task()).hasCandidateGroup("leader");
        complete(task());
        assertThat(pi).isEnded().hasPassed("noticeSignedOff");
        var order = inOrder(flow);
        order.verify(flow).drafted(any(DelegateTask.class));
        order.verify(flow).reviewed(any(DelegateTask.class));
        order.verify(flow).signedOff(any(DelegateTask.class));
    }

    @Test
    void aReviewReturnGoesBackToTheDrafter() {
        begin();
        when(flow.reviewPassed(any())).thenReturn(false);
        complete(task());
        complete(task());
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.DRAFT_NOTICE);
        assertThat(task()).isAssignedTo("drafter1");
        verify(flow, never()).signedOff(any());
    }

    @Test
    void aSignOffReturnGoesBackToTheDrafterAndTheNextRoundIsReviewedAgain() {
        begin();
        when(flow.reviewPassed(any())).thenReturn(true);
        when(flow.signed(any())).thenReturn(false);
        complete(task());
        complete(task());
        complete(task());
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.DRAFT_NOTICE);
        complete(task());
        assertThat(pi).isWaitingAt(NoticeApprovalProcess.REVIEW_NOTICE);
    }
}
