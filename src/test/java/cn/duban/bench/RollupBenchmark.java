package cn.duban.bench;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignFixtures;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.dashboard.DashboardRules;
import cn.duban.dashboard.DashboardService;
import cn.duban.export.ExportService;
import cn.duban.summary.SummaryService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The roll-up, export and dashboard benchmark: a closed campaign of N units (default 10,000) with random
 * approved figures is written straight into duban's tables; then the county roll-up, the summary workbook
 * and the dashboard's reads are timed against a plain {@code SELECT SUM … GROUP BY} over the same rows, all in one run. Prints a
 * table and exits. Command: see docs/benchmarks.md.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "duban.bench.rollup", havingValue = "true")
class RollupBenchmark implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final CampaignFixtures campaigns;
    private final TemplateCatalog catalog;
    private final SummaryService summaries;
    private final ExportService exports;
    private final DashboardService dashboard;
    private final ConfigurableApplicationContext context;
    private final int unitCount;
    private final int rounds;

    RollupBenchmark(JdbcTemplate jdbc, CampaignFixtures campaigns, TemplateCatalog catalog, SummaryService summaries,
                    ExportService exports, DashboardService dashboard, ConfigurableApplicationContext context,
                    @Value("${duban.bench.units:10000}") int unitCount, @Value("${duban.bench.rounds:7}") int rounds) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.summaries = summaries;
        this.exports = exports;
        this.dashboard = dashboard;
        this.context = context;
        this.unitCount = unitCount;
        this.rounds = rounds;
    }

    @Override
    public void run(ApplicationArguments args) {
        String machine = Bench.machine(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion()));
        String id = "BENCH-" + unitCount;
        long seeded = Timing.time(() -> seed(id));
        List<String[]> rows = new ArrayList<>();
        double baseline = Timing.median(rounds, () -> jdbc.queryForList(
                "SELECT v.indicator_code, SUM(v.amount) FROM duban_report_value v JOIN duban_report r ON r.id = v.report_id "
                        + "WHERE r.campaign_id = ? GROUP BY v.indicator_code", id).size());
        double rollup = Timing.median(rounds, () -> summaries.summarize(id).units().size());
        double export = Timing.median(rounds, () -> exports.summaryWorkbook(id).length);
        int bytes = exports.summaryWorkbook(id).length;
        double board = Timing.median(rounds, () -> dashboard.board(id, null, 0, 50).units().rows().size());
        double overdue = Timing.median(rounds, () -> dashboard.board(id, DashboardRules.Bucket.OVERDUE, 3, 50).units().rows().size());
        double list = Timing.median(rounds, () -> dashboard.campaigns(office -> true).size());
        rows.add(new String[] {"SELECT SUM … GROUP BY (baseline)", Timing.ms(baseline), "1.0"});
        rows.add(new String[] {"county roll-up (SummaryService)", Timing.ms(rollup), Timing.ratio(rollup, baseline)});
        rows.add(new String[] {"summary workbook, 3 sheets (ExportService)", Timing.ms(export), Timing.ratio(export, baseline)});
        rows.add(new String[] {"dashboard: counts, totals, first 50 units", Timing.ms(board), Timing.ratio(board, baseline)});
        rows.add(new String[] {"dashboard: 逾期 only, 4th page of 50", Timing.ms(overdue), Timing.ratio(overdue, baseline)});
        rows.add(new String[] {"dashboard: campaign list with counts", Timing.ms(list), Timing.ratio(list, baseline)});
        System.out.printf("%nRoll-up benchmark: %d units, %d figures each, median of %d rounds (seeded in %d ms; workbook %d KB)%n",
                unitCount, 11, rounds, seeded / 1_000_000, bytes / 1024);
        System.out.println(machine);
        System.out.println("| what | median ms | × baseline |");
        System.out.println("| --- | ---: | ---: |");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        Bench.finish(context, "RollupBenchmark");
    }

    private void seed(String id) {
        var template = catalog.get("yiyuan-health-2024-315");
        LocalDateTime now = LocalDateTime.now();
        campaigns.insert(new Campaign(id, template.code(), template.title(), null, template, CampaignStatus.CLOSED,
                LocalDate.now().minusDays(1), null, "bench", now, now, now, null, null, "zhjdk"));
        Random random = new Random(42);
        List<Object[]> units = new ArrayList<>();
        List<Object[]> cus = new ArrayList<>();
        for (int i = 0; i < unitCount; i++) {
            String code = String.format("bench%05d", i);
            units.add(new Object[] {code, "测试单位" + i, "bench", now});
            // most approved; one in ten each not signed, in progress, returned (past due: 逾期 on the dashboard)
            String status = switch (i % 10) {
                case 0 -> "NOT_SIGNED";
                case 1 -> "IN_PROGRESS";
                case 2 -> "RETURNED";
                default -> "APPROVED";
            };
            cus.add(new Object[] {id, code, i / 100, status, LocalDate.now().minusDays(1), now.minusDays(random.nextInt(5)), now,
                    random.nextInt(3)});
        }
        jdbc.batchUpdate("INSERT INTO duban_unit (code, name, type, created_at) VALUES (?, ?, ?, ?)", units);
        jdbc.batchUpdate("""
                INSERT INTO duban_campaign_unit (campaign_id, unit_code, batch_no, status, due_date, first_submitted_at,
                                                 last_submitted_at, return_count, current_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)""", cus);
        List<Object[]> reports = new ArrayList<>();
        for (int i = 0; i < unitCount; i++) {
            reports.add(new Object[] {id, String.format("bench%05d", i), "APPROVED", "总结", "bench", now});
        }
        jdbc.batchUpdate("""
                INSERT INTO duban_report (campaign_id, unit_code, version, status, summary, submitted_by, submitted_at)
                VALUES (?, ?, 1, ?, ?, ?, ?)""", reports);
        List<Long> ids = jdbc.queryForList("SELECT id FROM duban_report WHERE campaign_id = ? ORDER BY id", Long.class, id);
        List<Object[]> values = new ArrayList<>();
        for (long reportId : ids) {
            for (var ind : template.indicators()) {
                BigDecimal v = ind.effectiveScale() == 0 ? BigDecimal.valueOf(random.nextInt(500))
                        : BigDecimal.valueOf(random.nextInt(100_000), 2);
                values.add(new Object[] {reportId, ind.code(), v});
            }
        }
        jdbc.batchUpdate("INSERT INTO duban_report_value (report_id, indicator_code, amount) VALUES (?, ?, ?)", values);
    }
}
