package cn.duban.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
 * bpmn/circularApproval.bpmn alone, one test per path, its home a Mockito mock: who is asked at each step, which
 * answer leads where, and that the model calls its home at each decision. What the home does with the circular is
 * CircularApprovalIT's concern.
 */
@Deployment(resources = "processes/circularApproval.bpmn")
class CircularApprovalModelTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().configurationResource(ProcessModels.CONFIGURATION).build();

    final CircularApprovalProcess flow = mock(CircularApprovalProcess.class);
    ProcessInstance pi;

    @BeforeEach
    void register() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(ENGINE.getProcessEngine());
        Mocks.register(CircularApprovalProcess.FLOW, flow);
        when(flow.head(any())).thenReturn("section-head");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    void begin() {
        pi = runtimeService().startProcessInstanceByKey(CircularApprovalProcess.KEY, "C1");
        assertThat(pi).isWaitingAt(CircularApprovalProcess.REVIEW_CIRCULAR);
        assertThat(task()).hasCandidateGroup("section-head");
    }

    @Test
    void reviewedAndSignedIsIssued() {
        begin();
        when(flow.reviewPassed(any())).thenReturn(true);
        when(flow.signed(any())).thenReturn(true);
        complete(task());
        assertThat(pi).isWaitingAt(CircularApprovalProcess.SIGN_OFF_CIRCULAR);
        assertThat(task()).hasCandidateGroup("leader");
        complete(task());
        // the units are told in a job of its own: the leader's 办结 does not wait for the mails
        assertThat(pi).isWaitingAt("notifyUnitsOfCircular");
        verify(flow, never()).notifyUnits(any());
        execute(job());
        assertThat(pi).isEnded().hasPassed("circularIssued");
        var order = inOrder(flow);
        order.verify(flow).reviewed(any(DelegateTask.class));
        order.verify(flow).signedOff(any(DelegateTask.class));
        order.verify(flow).notifyUnits(any());
    }

    @Test
    void aReturnAtReviewEndsItThere() {
        begin();
        when(flow.reviewPassed(any())).thenReturn(false);
        complete(task());
        assertThat(pi).isEnded().hasPassed("circularReturnedAtReview");
        verify(flow, never()).signedOff(any());
    }

    @Test
    void aReturnAtSignOffEndsItThere() {
        begin();
        when(flow.reviewPassed(any())).thenReturn(true);
        when(flow.signed(any())).thenReturn(false);
        complete(task());
        complete(task());
        assertThat(pi).isEnded().hasPassed("circularReturnedAtSignOff").hasNotPassed("circularIssued");
        verify(flow, never()).notifyUnits(any());
    }
}
