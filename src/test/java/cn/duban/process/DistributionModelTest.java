package cn.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/distribution.bpmn alone, one test per path, without Spring: the plan, then one async job per batch (so a
 * failing batch fails alone and is retried alone), then the end. Its home ({@link DistributionProcess}) is a mock.
 */
@Deployment(resources = "processes/distribution.bpmn")
class DistributionModelTest {

    /** Its own configuration file: a camunda.cfg.xml on the class path would be picked up by Camunda's default-engine lookup. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().configurationResource(ProcessModels.CONFIGURATION).build();

    final DistributionProcess flow = mock(DistributionProcess.class);
    final List<Integer> distributed = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void register() {
        // this class\'s engine, not one a Spring test of the same JVM left to camunda-bpm-assert\'s thread
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(ENGINE.getProcessEngine());
        Mocks.register(DistributionProcess.FLOW, flow);
        doAnswer(a -> distributed.add((Integer) a.getArgument(0, DelegateExecution.class).getVariable("batchNo")))
                .when(flow).distributeBatch(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    void plan(List<Integer> batches) {
        doAnswer(a -> {
            a.getArgument(0, DelegateExecution.class).setVariable("batches", batches);
            return null;
        }).when(flow).planBatches(any());
    }

    @Test
    void everyBatchIsDistributedByAJobOfItsOwnThenTheProcessEnds() {
        plan(List.of(0, 1, 2));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(DistributionProcess.KEY, "C1");
        assertThat(distributed).as("nothing before the jobs run").isEmpty();
        int jobs = runJobs();
        assertThat(distributed).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(jobs).as("one job per batch, at least").isGreaterThanOrEqualTo(3);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("noticeDistributed");
    }

    @Test
    void noUnitsMeansNoBatchAndTheProcessEnds() {
        plan(List.of());
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(DistributionProcess.KEY, "C1");
        runJobs();
        assertThat(distributed).isEmpty();
        BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void aFailingBatchFailsAloneTheOthersAreDistributed() {
        plan(List.of(0, 1, 2));
        doAnswer(a -> {
            Integer no = (Integer) a.getArgument(0, DelegateExecution.class).getVariable("batchNo");
            if (no == 1) {
                throw new IllegalStateException("batch 1 fails");
            }
            distributed.add(no);
            return null;
        }).when(flow).distributeBatch(any());
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(DistributionProcess.KEY, "C1");
        runJobs();
        assertThat(distributed).containsExactlyInAnyOrder(0, 2);
        BpmnAwareTests.assertThat(pi).isNotEnded();
        assertThat(managementService().createJobQuery().withException().count()).as("the failed batch's job waits").isEqualTo(1);
    }

    /** Runs every executable job (a failing one until it has no retries left); returns how many ran. */
    static int runJobs() {
        int ran = 0;
        for (int guard = 0; guard < 100; guard++) {
            List<Job> jobs = managementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return ran;
            }
            for (Job j : jobs) {
                try {
                    managementService().executeJob(j.getId());
                } catch (RuntimeException failed) {
                    // the job keeps its exception and loses a retry, as under the job executor
                }
                ran++;
            }
        }
        return ran;
    }
}
