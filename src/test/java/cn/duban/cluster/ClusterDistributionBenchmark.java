package cn.duban.cluster;

import static cn.duban.cluster.Cluster.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distribution on real nodes (issue #7): a seed-000 campaign to the demo county plus N generated
 * units (default 1,000; {@code -Dduban.bench.units=}), timed from the leader's sign-off until every unit has
 * its 签收 task, with the job executors doing the work as in production — on one node, then on two nodes
 * (separate JVMs, one PostgreSQL), then on one node again. Prints a table; no assertion on time.
 * Not part of the test suite (its name ends in Benchmark); run it with
 * {@code ./mvnw test -Dtest=ClusterDistributionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * H2 is not in it: H2 in a file is a single-process database, a second node cannot open it.
 */
class ClusterDistributionBenchmark {

    @Test
    void distributionOnOneAndOnTwoNodes() throws Exception {
        int extra = Integer.getInteger("duban.bench.units", 1000);
        List<String[]> rows = new ArrayList<>();
        String version;
        try (Cluster c = new Cluster(extra, List.of(
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500"))) {
            version = c.db.queryForObject("SHOW server_version", String.class);
            Node a = c.node("node-a").start().awaitUp(Duration.ofMinutes(3));
            Node b = c.node("node-b");
            try {
                c.sectionPeople(a);
                int units = c.seed000Units();
                double one = time(c, a, a, units);
                rows.add(new String[] {"1", String.valueOf(units), ms(one), rate(units, one), "1.00"});
                b.start().awaitUp(Duration.ofMinutes(3));
                double two = time(c, a, b, units);
                rows.add(new String[] {"2", String.valueOf(units), ms(two), rate(units, two), String.format("%.2f", one / two)});
                b.close();
                double again = time(c, a, a, units);
                rows.add(new String[] {"1 (again)", String.valueOf(units), ms(again), rate(units, again), String.format("%.2f", one / again)});
            } finally {
                b.close();
                a.close();
            }
        }
        System.out.printf("%nDistribution on duban nodes, PostgreSQL %s (io.zonky embedded), batch size 100, job executor defaults, %d cores%n",
                version, Runtime.getRuntime().availableProcessors());
        System.out.println("| nodes | units | sign-off → every 签收 task, ms | units per second | speed-up × one node |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
    }

    /** Milliseconds from the sign-off (on the second node) until every unit has its 签收 task. */
    private static double time(Cluster c, Node starter, Node signer, int units) throws Exception {
        String id = c.startAndSignOff(starter, signer);
        long t0 = System.nanoTime();
        await(Duration.ofMinutes(30), () -> c.distributed(id) == units && c.openSignTasks(id) == units);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String ms(double ms) {
        return String.format("%.0f", ms);
    }

    private static String rate(int units, double ms) {
        return String.format("%.0f", units / (ms / 1000));
    }
}
