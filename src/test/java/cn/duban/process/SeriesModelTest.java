package cn.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * bpmn/series.bpmn alone, one test per path, without Spring: the periods registered (a job of its own), then for each
 * period a timer to its opening morning and 开放本期, until none is left. Its home ({@link SeriesProcess}) is a mock
 * holding a schedule; time moves by the engine's clock.
 */
@Deployment(resources = "processes/series.bpmn")
class SeriesModelTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().configurationResource(ProcessModels.CONFIGURATION).build();

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 10, 0);

    final SeriesProcess flow = mock(SeriesProcess.class);
    /** The periods' opening mornings not yet opened, in order; and those opened. */
    final List<LocalDateTime> schedule = new ArrayList<>();
    final List<LocalDateTime> opened = new ArrayList<>();

    @BeforeEach
    void register() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(ENGINE.getProcessEngine());
        Mocks.register(SeriesProcess.FLOW, flow);
        at(START);
        doAnswer(a -> date(schedule.get(0))).when(flow).nextOpening(any());
        doAnswer(a -> opened.add(schedule.remove(0))).when(flow).openPeriod(any());
        doAnswer(a -> !schedule.isEmpty()).when(flow).morePeriods(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void eachPeriodOpensOnItsMorningNotBeforeAndTheSeriesEndsAfterTheLast() {
        LocalDateTime feb = LocalDateTime.of(2026, 2, 1, 8, 0);
        LocalDateTime mar = LocalDateTime.of(2026, 3, 1, 8, 0);
        schedule.addAll(List.of(feb, mar));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SeriesProcess.KEY, "S1");
        runJobs();
        BpmnAwareTests.assertThat(pi).isWaitingAt(SeriesProcess.NEXT_OPENING);
        assertThat(opened).as("nothing opens before its morning").isEmpty();

        at(feb.minusMinutes(1));
        runJobs();
        assertThat(opened).isEmpty();
        at(feb);
        runJobs();
        assertThat(opened).containsExactly(feb);
        BpmnAwareTests.assertThat(pi).isWaitingAt(SeriesProcess.NEXT_OPENING);

        at(mar.plusHours(2));
        runJobs();
        assertThat(opened).containsExactly(feb, mar);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("allPeriodsOpened");
    }

    @Test
    void aPeriodWhoseMorningHasPassedOpensAtOnce() {
        LocalDateTime past = START.minusDays(3);
        schedule.add(past);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SeriesProcess.KEY, "S1");
        runJobs();
        assertThat(opened).containsExactly(past);
        BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void aFailedRegistrationWaitsAsAJobWithItsErrorAndOpensNothing() {
        schedule.add(START.plusDays(1));
        doThrow(new IllegalStateException("the schedule cannot be read")).when(flow).plan(any());
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SeriesProcess.KEY, "S1");
        runJobs();
        assertThat(opened).isEmpty();
        BpmnAwareTests.assertThat(pi).isNotEnded();
        assertThat(managementService().createJobQuery().withException().count()).as("登记各期's job keeps its error").isEqualTo(1);
    }

    static Date date(LocalDateTime t) {
        return Date.from(t.atZone(CHINA).toInstant());
    }

    static void at(LocalDateTime t) {
        ClockUtil.setCurrentTime(date(t));
    }

    /** Runs every job due by the engine's clock (a failing one until it has no retries left). */
    static void runJobs() {
        for (int guard = 0; guard < 100; guard++) {
            List<Job> jobs = managementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job j : jobs) {
                try {
                    managementService().executeJob(j.getId());
                } catch (RuntimeException failed) {
                    // the job keeps its exception and loses a retry, as under the job executor
                }
            }
        }
    }
}
