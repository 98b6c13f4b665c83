package cn.duban.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The distribution benchmark: for each size (default 1,000 and 10,000 units), a campaign from seed 000
 * aimed at that many generated units is signed off, then its jobs are run in this thread until every unit
 * has its first task (签收); against it, as the baseline on the same engine and database, the same number
 * of instances of a bare process (start, one user task) started in transactions of the same batch size.
 * Prints cost per unit ÷ cost per bare instance and exits. Command: see docs/benchmarks.md.
 */
@Component
@Order(101)
@ConditionalOnProperty(name = "duban.bench.distribution", havingValue = "true")
class DistributionBenchmark implements ApplicationRunner {

    private static final String BARE = "benchBareUserTask";
    private static final LocalDate DEADLINE = LocalDate.now().plusDays(30);

    private final BenchCampaigns campaigns;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final ConfigurableApplicationContext context;
    private final List<Integer> sizes;
    private final int batchSize;

    DistributionBenchmark(BenchCampaigns campaigns, RepositoryService repository, RuntimeService runtime,
                          TransactionTemplate tx, ConfigurableApplicationContext context,
                          @Value("${duban.bench.sizes:1000,10000}") List<Integer> sizes,
                          @Value("${duban.distribution.batch-size:100}") int batchSize) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.runtime = runtime;
        this.tx = tx;
        this.context = context;
        this.sizes = sizes;
        this.batchSize = batchSize;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
                .startEvent().userTask("task").camundaCandidateGroups("bench").endEvent().done();
        repository.createDeployment().addModelInstance(BARE + ".bpmn", bare).deploy();
        String database = campaigns.database();
        List<String[]> rows = new ArrayList<>();
        for (int n : sizes) {
            String type = "bench" + n;
            campaigns.seedUnits(type, n);
            // warm-up: a small run of both, so that neither side pays the JIT for the other
            if (rows.isEmpty()) {
                startBare(Math.min(200, n));
                campaigns.seedUnits("benchwarm", 200);
                campaigns.distribute("benchwarm", DEADLINE);
            }
            long bareNanos = Timing.time(() -> startBare(n));
            long dubanNanos = Timing.time(() -> campaigns.distribute(type, DEADLINE));
            double perBare = bareNanos / 1e6 / n;
            double perUnit = dubanNanos / 1e6 / n;
            rows.add(new String[] {String.valueOf(n), ms(bareNanos / 1e6), fmt(perBare, 3), ms(dubanNanos / 1e6), fmt(perUnit, 3),
                    fmt(perUnit / perBare, 2)});
        }
        System.out.printf("%nDistribution benchmark on %s, batch size %d, jobs run in one thread%n", database, batchSize);
        System.out.println("| units | bare process: total ms | per instance ms | duban distribution: total ms | per unit ms | per unit ÷ per bare instance |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** n bare instances, batchSize per transaction, as a distribution batch job groups them. */
    private void startBare(int n) {
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            int start = from;
            tx.executeWithoutResult(s -> {
                for (int i = start; i < to; i++) {
                    runtime.startProcessInstanceByKey(BARE, "bare-" + System.nanoTime() + "-" + i);
                }
            });
        }
    }

    private static String ms(double millis) {
        return BigDecimal.valueOf(millis).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String fmt(double x, int scale) {
        return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
