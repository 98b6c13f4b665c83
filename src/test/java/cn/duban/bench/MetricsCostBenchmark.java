package cn.duban.bench;

import cn.duban.DubanApplication;
import cn.duban.Driver;
import cn.duban.EmbeddedPostgresDatabase;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.report.AttachmentService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the metrics cost the hand-in (issue 31): a rush of hand-ins — {@code -Dduban.bench.clients} (4) threads, each
 * unit signing, uploading a summary and a photo and handing in its figures through duban's services — on one duban
 * node on PostgreSQL (io.zonky embedded), in {@code -Dduban.bench.rounds} (3) pairs of rounds that alternate: with the
 * metrics read as hard as they could be (Prometheus' whole scrape every second from a second thread, and the alert
 * check every five, with the readings' cache off, so that every scrape runs every query: production scrapes every
 * 15 s with a 15 s cache) and without (nobody reads them). The engine's counters count in both (they are a counter
 * increment per activity). Prints the machine, the hand-ins per second and the median hand-in of each side, the
 * median and range over the rounds, the ratio, and what one scrape costs. Not part of the test suite:
 * {@code ./mvnw test -Dtest=MetricsCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MetricsCostBenchmark {

    final int perRound = Integer.getInteger("duban.bench.units", 60);
    final int clients = Integer.getInteger("duban.bench.clients", 4);
    final int rounds = Integer.getInteger("duban.bench.rounds", 3);

    @Test
    void theRushWithAndWithoutTheMetrics() throws Exception {
        System.out.println(Timing.machine());
        int units = perRound * 2 * (rounds + 1);
        Path csv = Files.createTempFile("duban-rush-", ".csv");
        StringBuilder s = new StringBuilder(new org.springframework.core.io.ClassPathResource("units/demo-units.csv")
                .getContentAsString(StandardCharsets.UTF_8).strip());
        for (int i = 0; i < units; i++) {
            s.append(String.format("%nr%04d,县直单位%d,clinic,r%04d@county.test,,,报送员%d,r%04d-reporter,", i, i, i, i, i));
        }
        Files.writeString(csv, s.toString());
        try (EmbeddedPostgres pg = EmbeddedPostgresDatabase.start()) {
            ConfigurableApplicationContext duban = new SpringApplicationBuilder(DubanApplication.class, Driver.class).profiles("test")
                    .run(BackupBenchmark.pgArgs(pg, "--duban.attachments.store.kind=database", "--duban.units.csv=file:" + csv,
                            "--duban.distribution.batch-size=100", "--logging.level.root=WARN", "--duban.ops.metrics-cache=PT0S",
                            "--management.prometheus.metrics.export.enabled=true"));
            try {
                Driver d = duban.getBean(Driver.class);
                d.sectionPeople();
                CampaignTemplate t = d.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  types: [clinic]");
                String id = d.issue(d.startCampaign(t.code(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString()));
                PrometheusMeterRegistry prometheus = duban.getBean(PrometheusMeterRegistry.class);
                cn.duban.ops.Alerts alerts = duban.getBean(cn.duban.ops.Alerts.class);
                List<Long> scrapes = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger next = new AtomicInteger();
                List<double[]> with = new ArrayList<>();
                List<double[]> without = new ArrayList<>();
                // a warm-up round of each, then the measured rounds, alternating
                for (int r = 0; r <= rounds; r++) {
                    for (boolean read : new boolean[] {true, false}) {
                        double[] m = rush(d, duban.getBean(AttachmentService.class), id, next, read ? prometheus : null, alerts, scrapes);
                        if (r > 0) {
                            (read ? with : without).add(m);
                        }
                    }
                }
                System.out.println("| side | hand-ins per second, median (range) | a hand-in, median of the round's medians (range) |");
                System.out.println("| --- | --- | --- |");
                System.out.println("| metrics read every second | " + summary(with, 0, "%.1f") + " | " + summary(with, 1, "%.0f ms") + " |");
                System.out.println("| metrics not read | " + summary(without, 0, "%.1f") + " | " + summary(without, 1, "%.0f ms") + " |");
                System.out.printf("ratio (with / without): throughput %.2f, hand-in %.2f%n", median(with, 0) / median(without, 0),
                        median(with, 1) / median(without, 1));
                List<Long> sorted = new ArrayList<>(scrapes);
                Collections.sort(sorted);
                System.out.printf("one whole scrape (every gauge's query run, cache off): median %.1f ms over %d scrapes, %d bytes of text%n",
                        sorted.get(sorted.size() / 2) / 1e6, sorted.size(), prometheus.scrape().getBytes(StandardCharsets.UTF_8).length);
            } finally {
                duban.close();
            }
        }
    }

    /** One round: perRound units hand in over the clients; returns hand-ins per second and the median hand-in (ms). */
    double[] rush(Driver d, AttachmentService attachments, String id, AtomicInteger next, PrometheusMeterRegistry prometheus,
                  cn.duban.ops.Alerts alerts, List<Long> scrapes) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = null;
        if (prometheus != null) {
            reader = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    long t0 = System.nanoTime();
                    prometheus.scrape();
                    scrapes.add(System.nanoTime() - t0);
                    if (n++ % 5 == 0) {
                        alerts.check();
                    }
                    try {
                        Thread.sleep(1000); // the scrape interval of a monitoring server, not a wait for a condition
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "scraper");
            reader.start();
        }
        byte[] photo = BackupBenchmark.noisePng(100);
        byte[] summary = ("%PDF-1.4\n" + "% 活动总结\n".repeat(20 * 1024 / 16)).getBytes(StandardCharsets.UTF_8);
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int first = next.getAndAdd(perRound);
        long t0 = System.nanoTime();
        for (int i = first; i < first + perRound; i++) {
            String u = String.format("r%04d", i);
            pool.submit(() -> {
                long s0 = System.nanoTime();
                d.sign(id, u);
                attachments.stage(id, u, AttachmentService.SUMMARY, "活动总结.pdf", summary, u + "-reporter");
                attachments.stage(id, u, AttachmentService.PHOTO, "现场.png", photo, u + "-reporter");
                d.handIn(id, u, Driver.seed000Figures("3"), List.of());
                times.add(System.nanoTime() - s0);
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES) || times.size() != perRound) {
            throw new IllegalStateException("the rush did not finish: " + times.size() + " of " + perRound);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        if (reader != null) {
            reader.interrupt();
            reader.join();
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return new double[] {perRound / seconds, sorted.get(sorted.size() / 2) / 1e6};
    }

    static double median(List<double[]> rounds, int i) {
        List<Double> v = new ArrayList<>(rounds.stream().map(r -> r[i]).toList());
        Collections.sort(v);
        return v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
    }

    static String summary(List<double[]> rounds, int i, String format) {
        double min = rounds.stream().mapToDouble(r -> r[i]).min().orElse(0);
        double max = rounds.stream().mapToDouble(r -> r[i]).max().orElse(0);
        return String.format(format, median(rounds, i)) + " (" + String.format(format, min) + "–" + String.format(format, max) + ")";
    }
}
