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
 * of instances of a bare process (start, one user task) started in transactions of the same batch size,
 * in {@code duban.bench.distribution-rounds} (3) rounds that alternate the two sides. Prints, from the
 * medians, cost per unit ÷ cost per bare instance and exits. Command: see docs/benchmarks.md.
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
    private final int rounds;

    DistributionBenchmark(BenchCampaigns campaigns, RepositoryService repository, RuntimeService runtime,
                          TransactionTemplate tx, ConfigurableApplicationContext context,
                          @Value("${duban.bench.sizes:1000,10000}") List<Integer> sizes,
                          @Value("${duban.distribution.batch-size:100}") int batchSize,
                          @Value("${duban.bench.distribution-rounds:3}") int rounds) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.runtime = runtime;
        this.tx = tx;
        this.context = context;
        this.sizes = sizes;
        this.batchSize = batchSize;
        this.rounds = Math.max(1, rounds);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String machine = Bench.machine(campaigns.database());
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
                .startEvent().userTask("task").camundaCandidateGroups("bench").endEvent().done();
        repository.createDeployment().addModelInstance(BARE + ".bpmn", bare).deploy();
        String database = campaigns.database();
        List<String[]> rows = new ArrayList<>();
        // warm-up: a small run of both, so that neither side pays the JIT for the other
        startBare(200);
        campaigns.seedUnits("benchwarm", 200);
        campaigns.distribute("benchwarm", DEADLINE);
        for (int n : sizes) {
            // rounds alternate the two sides, so that a slow spell of the machine or the database (a checkpoint,
            // autovacuum) falls on both; the figures are the medians of the rounds
            List<Double> bares = new ArrayList<>();
            List<Double> duban = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String type = "bench" + n + "r" + round;
                campaigns.seedUnits(type, n);
                double perBare = Timing.time(() -> startBare(n)) / 1e6 / n;
                double perUnit = Timing.time(() -> campaigns.distribute(type, DEADLINE)) / 1e6 / n;
                bares.add(perBare);
                duban.add(perUnit);
                ratios.add(perUnit / perBare);
            }
            double perBare = median(bares);
            double perUnit = median(duban);
            rows.add(new String[] {String.valueOf(n), String.valueOf(rounds), fmt(perBare, 3), fmt(perUnit, 3), fmt(perUnit / perBare, 2),
                    fmt(ratios.stream().min(Double::compare).orElseThrow(), 2) + " – " + fmt(ratios.stream().max(Double::compare).orElseThrow(), 2)});
        }
        System.out.printf("%nDistribution benchmark on %s, batch size %d, jobs run in one thread, medians of alternating rounds%n",
                database, batchSize);
        System.out.println(machine);
        System.out.println("| units | rounds | bare process, per instance ms | duban distribution, per unit ms | per unit ÷ per bare instance | range of the rounds' ratios |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        Bench.finish(context, "DistributionBenchmark");
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

    private static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String fmt(double x, int scale) {
        return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
