package cn.duban.bench;

import cn.duban.DubanApplication;
import cn.duban.Driver;
import cn.duban.EmbeddedPostgresDatabase;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.ops.PgTools;
import cn.duban.report.AttachmentService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backup and the restore of a county-year (issue 31, docs/benchmarks.md): {@code -Dduban.bench.campaigns} (20)
 * notices, each to the county's {@code -Dduban.bench.units} (300) units, every unit signing and handing in its figures
 * with a summary ({@code -Dduban.bench.summary-kb}, 20) and a photo ({@code -Dduban.bench.photo-kb}, 100, a noise PNG
 * that does not compress, as photos do not) through duban's own services on PostgreSQL (io.zonky embedded 14, the
 * files in the database as the postgres profile keeps them). Then {@code pg_dump --format=custom} of that database and
 * {@code pg_restore} into an empty server, each {@code -Dduban.bench.rounds} (3) times; the baseline, in the same run:
 * the same two commands on an empty Camunda schema (Spring Boot's Camunda starter alone, on an empty server). Prints
 * the machine, the sizes, median and range of the times, and the ratios. No assertion on time. Not part of the test
 * suite (its name ends in Benchmark):
 * {@code ./mvnw test -Dtest=BackupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BackupBenchmark {

    final int campaigns = Integer.getInteger("duban.bench.campaigns", 20);
    final int units = Integer.getInteger("duban.bench.units", 300);
    final int summaryKb = Integer.getInteger("duban.bench.summary-kb", 20);
    final int photoKb = Integer.getInteger("duban.bench.photo-kb", 100);
    final int rounds = Integer.getInteger("duban.bench.rounds", 3);

    @Test
    void backupAndRestoreOfACountyYearAgainstAnEmptyCamundaSchema() throws Exception {
        System.out.println(Timing.machine());
        Process version = new ProcessBuilder(PgTools.find("pg_dump").toString(), "--version").redirectErrorStream(true).start();
        System.out.println("pg_dump: " + new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                + "; server: PostgreSQL 14 (io.zonky embedded)");
        List<String> out = new ArrayList<>();
        try (EmbeddedPostgres empty = EmbeddedPostgresDatabase.start()) {
            ConfigurableApplicationContext bare = new SpringApplicationBuilder(BareCamundaApplication.class)
                    .properties("duban.bench.bare-camunda=true").run(pgArgs(empty, "--spring.flyway.enabled=false"));
            bare.close();
            out.add(measure("an empty Camunda schema (baseline)", empty));
        }
        try (EmbeddedPostgres county = EmbeddedPostgresDatabase.start()) {
            long t0 = System.nanoTime();
            int handedIn = countyYear(county);
            System.out.printf("county-year written: %d campaigns × %d units, %d hand-ins with 2 files each, in %d s%n", campaigns, units,
                    handedIn, (System.nanoTime() - t0) / 1_000_000_000);
            out.add(measure(campaigns + " campaigns × " + units + " units", county));
        }
        System.out.println("| database | size on the server | dump (custom format) | pg_dump median (range) | pg_restore median (range) |");
        System.out.println("| --- | --- | --- | --- | --- |");
        out.forEach(System.out::println);
    }

    int countyYear(EmbeddedPostgres pg) throws Exception {
        Path csv = Files.createTempFile("duban-county-", ".csv");
        // the demo county (whose units the template's items name) and the county's units, of a type of their own
        StringBuilder s = new StringBuilder(new org.springframework.core.io.ClassPathResource("units/demo-units.csv")
                .getContentAsString(StandardCharsets.UTF_8).strip());
        for (int i = 0; i < units; i++) {
            s.append(String.format("%nu%04d,县直单位%d,clinic,u%04d@county.test,,,报送员%d,u%04d-reporter,", i, i, i, i, i));
        }
        Files.writeString(csv, s.toString());
        ConfigurableApplicationContext duban = new SpringApplicationBuilder(DubanApplication.class, Driver.class).profiles("test")
                .run(pgArgs(pg, "--duban.attachments.store.kind=database", "--duban.units.csv=file:" + csv,
                        "--duban.distribution.batch-size=100", "--logging.level.root=WARN"));
        try {
            Driver d = duban.getBean(Driver.class);
            AttachmentService attachments = duban.getBean(AttachmentService.class);
            d.sectionPeople();
            byte[] photo = noisePng(photoKb);
            byte[] summary = ("%PDF-1.4\n" + "% 活动总结\n".repeat(summaryKb * 1024 / 16)).getBytes(StandardCharsets.UTF_8);
            LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
            int handedIn = 0;
            for (int c = 0; c < campaigns; c++) {
                CampaignTemplate t = d.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  types: [clinic]");
                String id = d.issue(d.startCampaign(t.code(), deadline.toString()));
                // the units hand in three at a time, as they would on the deadline's day
                var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int i = 0; i < units; i++) {
                    String u = String.format("u%04d", i);
                    String figure = String.valueOf(i % 7);
                    done.add(pool.submit(() -> {
                        d.sign(id, u);
                        attachments.stage(id, u, AttachmentService.SUMMARY, "活动总结.pdf", summary, u + "-reporter");
                        attachments.stage(id, u, AttachmentService.PHOTO, "现场.png", photo, u + "-reporter");
                        d.handIn(id, u, Driver.seed000Figures(figure), List.of());
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                    handedIn++;
                }
                pool.shutdown();
                System.out.printf("  campaign %d of %d handed in%n", c + 1, campaigns);
            }
            // what the operators' gauges cost at this size: a whole Prometheus scrape with every reading's query run
            // (the test profile keeps no reading: duban.ops.metrics-cache=PT0S)
            var prometheus = duban.getBean(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class);
            List<Long> scrapes = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                long t0 = System.nanoTime();
                prometheus.scrape();
                if (i >= 2) {
                    scrapes.add(System.nanoTime() - t0);
                }
            }
            var readings = duban.getBean(cn.duban.ops.OpsReadings.class);
            StringBuilder each = new StringBuilder();
            for (var reading : java.util.Map.<String, Runnable>of("outbox", readings::outbox, "jobs", readings::jobs, "incidents",
                    readings::incidents, "open tasks by step", readings::openTasks, "overdue units", readings::overdueUnits,
                    "hand-ins last hour", readings::handInsLastHour, "stored bytes", readings::storedBytes, "login locks",
                    readings::activeLocks).entrySet()) {
                List<Long> t = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    long t0 = System.nanoTime();
                    reading.getValue().run();
                    if (i >= 2) {
                        t.add(System.nanoTime() - t0);
                    }
                }
                java.util.Collections.sort(t);
                each.append(String.format("%s %.2f ms; ", reading.getKey(), t.get(t.size() / 2) / 1e6));
            }
            System.out.println("a whole scrape at this size, every query run: " + Timing.medianRange(scrapes) + "; each reading (median): " + each);
            return handedIn;
        } finally {
            duban.close();
        }
    }

    String measure(String what, EmbeddedPostgres pg) throws Exception {
        long onServer = JdbcClient.create(pg.getPostgresDatabase()).sql("SELECT pg_database_size('postgres')").query(Long.class).single();
        List<Long> dumps = new ArrayList<>();
        List<Long> restores = new ArrayList<>();
        long size = 0;
        for (int r = 0; r < rounds; r++) {
            Path dump = Files.createTempFile("duban-bench-", ".dump");
            long t0 = System.nanoTime();
            PgTools.run("pg_dump", pg.getPort(), "--format=custom", "--file=" + dump, "postgres");
            dumps.add(System.nanoTime() - t0);
            size = Files.size(dump);
            try (EmbeddedPostgres target = EmbeddedPostgresDatabase.start()) {
                long t1 = System.nanoTime();
                PgTools.run("pg_restore", target.getPort(), "--no-owner", "--no-privileges", "--exit-on-error", "--dbname=postgres", dump.toString());
                restores.add(System.nanoTime() - t1);
            }
            Files.delete(dump);
        }
        return "| " + what + " | " + mb(onServer) + " | " + mb(size) + " | " + Timing.medianRange(dumps) + " | " + Timing.medianRange(restores) + " |";
    }

    static String[] pgArgs(EmbeddedPostgres pg, String... more) {
        List<String> a = new ArrayList<>(List.of("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--camunda.bpm.database.type=postgres",
                "--server.port=0"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static byte[] noisePng(int kb) throws Exception {
        int side = (int) Math.sqrt(kb * 1024 / 3.0);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(31);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, r.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
