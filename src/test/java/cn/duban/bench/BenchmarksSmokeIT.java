package cn.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every benchmark of docs/benchmarks.md, run at a small size in the test suite so that none rots unnoticed (the
 * distribution benchmark once stopped running when the registry began to refuse unknown unit types, and nobody saw).
 * Only that each completes and prints its table with the machine beside it is checked: the figures are the
 * benchmarks' own business, measured by their documented commands, never asserted here.
 *
 * <p>The benchmarks that run as the application (roll-up, distribution, Tasklist query) run together in one context of
 * the bench profile, the reminder benchmark in one of its own (it counts every mail its database queues); those with a
 * main method are called with a small argument. The two-node benchmarks
 * (cluster.ClusterDistributionBenchmark, cluster.DeadlineRushBenchmark) start separate JVMs on PostgreSQL and are run by
 * their own commands only.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "duban.bench.smoke=true",
        "duban.bench.rollup=true", "duban.bench.units=60", "duban.bench.rounds=1",
        "duban.bench.distribution=true", "duban.bench.sizes=30", "duban.bench.distribution-rounds=1",
        "duban.bench.tasklist=true", "duban.bench.tasks=300", "duban.bench.task-units=10",
        "spring.datasource.url=jdbc:h2:mem:duban-bench-smoke;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE"})
@ActiveProfiles("bench")
class BenchmarksSmokeIT {

    @Test
    void theBenchmarksThatRunAsTheApplicationCompleteAndPrintTheirTables() {
        // they ran as the context started (an exception would have failed it), each printing its table before it finished
        assertThat(Bench.FINISHED).contains("RollupBenchmark", "DistributionBenchmark", "TasklistQueryBenchmark");
    }

    @Test
    void theBenchmarksWithAMainMethodCompleteAndPrintTheirTables(CapturedOutput out) throws Exception {
        NoticeDocumentBenchmark.main(new String[] {"1"});
        UploadStreamingBenchmark.main(new String[] {"1"});
        FileTypeBenchmark.main(new String[0]);
        assertThat(out.getOut()).contains("| PDF |").contains("read whole (baseline)").contains("SHA-256 ms (baseline)")
                .contains("Machine: ");
    }

    /** The reminder benchmark alone: it sends, and counts, every mail of its database. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "duban.bench.smoke=true", "duban.bench.rollup=false", "duban.bench.reminders=true", "duban.bench.reminder-units=30",
            "spring.datasource.url=jdbc:h2:mem:duban-bench-reminders;DB_CLOSE_DELAY=-1"})
    @ActiveProfiles("bench")
    class Reminders {
        @Test
        void theReminderBenchmarkCompletesAndPrintsItsTable() {
            assertThat(Bench.FINISHED).contains("ReminderBenchmark");
        }
    }
}
