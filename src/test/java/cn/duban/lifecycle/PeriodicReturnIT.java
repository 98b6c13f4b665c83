package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.export.ExportService;
import cn.duban.process.CampaignProcess;
import cn.duban.process.SeriesProcess;
import cn.duban.report.ReportService;
import cn.duban.report.ReportVersion;
import cn.duban.report.UnitStatus;
import cn.duban.series.SeriesService;
import cn.duban.summary.SummaryService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped monthly return with carry-over (county-medical-order-monthly), through the engine with its clock moved
 * month by month: one sign-off, each period opened by the series' timer on its date as a campaign of its own with its
 * own due date (moved to a working day), a unit that misses a month given its previous month's figures (marked so
 * in its record, the summary, the workbook and the matrix), the cumulative figures over the year.
 */
@EngineTest
class PeriodicReturnIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired Driver driver;
    @Autowired CampaignService campaigns;
    @Autowired SeriesService series;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;
    @Autowired cn.duban.dashboard.DashboardService dashboard;
    @Autowired ExportService exports;
    @Autowired WorkCalendar calendar;
    @Autowired RuntimeService runtimeService;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachMonthOpensOnItsDateAndAMissedMonthCarriesThePreviousFiguresOver() throws Exception {
        int year = LocalDate.now(CHINA).getYear() + 1;
        // the shipped template, three months of next year, to two hospitals
        String yaml = new org.springframework.core.io.ClassPathResource("campaigns/county-medical-order-monthly.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(yaml).contains("first: 2027-01").contains("count: 12");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("monthly", ".yaml");
        java.nio.file.Files.writeString(file, yaml.replace("first: 2027-01", "first: " + year + "-01").replace("count: 12", "count: 3"));
        var t = driver.uploadVariant(file, "  units: [rmyy, zyy]");
        assertThat(t.periodic().first()).isEqualTo(YearMonth.of(year, 1));
        String id = driver.issue(driver.startCampaign(t.code(), null));

        // one sign-off: the notice goes out as a series of three months, none open yet, no unit has a task
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.ISSUED);
        var matrix = series.matrix(id);
        assertThat(matrix.periods()).extracting(SeriesService.PeriodView::label)
                .containsExactly(year + "年1月", year + "年2月", year + "年3月");
        assertThat(matrix.periods()).allSatisfy(p -> assertThat(p.statusLabel()).isEqualTo("未开放"));
        assertThat(matrix.periods().get(0).due()).isEqualTo(calendar.onOrAfter(LocalDate.of(year, 2, 5)));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SeriesProcess.KEY).processInstanceBusinessKey(id).count())
                .isOne();

        // January opens by itself on February 1st
        String january = open(id, LocalDate.of(year, 2, 1), 0);
        assertThat(campaigns.get(january).title()).endsWith("（" + year + "年1月）");
        assertThat(campaigns.get(january).deadline()).isEqualTo(calendar.onOrAfter(LocalDate.of(year, 2, 5)));
        driver.sign(january, "rmyy");
        driver.handIn(january, "rmyy", figures("12", "3", "2", "40"), List.of());
        driver.review(january, "rmyy", true, null, null);
        driver.sign(january, "zyy");
        driver.handIn(january, "zyy", figures("8", "1", "1", "20"), List.of());
        driver.review(january, "zyy", true, null, null);
        driver.runJobs();

        // February: zyy reports, rmyy misses it; closed after its due date, rmyy is given January's figures
        String february = open(id, LocalDate.of(year, 3, 1), 1);
        driver.sign(february, "zyy");
        driver.handIn(february, "zyy", figures("9", "2", "2", "10"), List.of());
        driver.review(february, "zyy", true, null, null);
        at(campaigns.get(february).deadline().plusDays(1), 10);
        driver.runJobs();
        driver.submit("drafter1", driver.task(february, CampaignProcess.MONITOR_REPORTS), Map.of());
        driver.runJobs();
        assertThat(campaigns.get(february).status()).isEqualTo(CampaignStatus.CLOSED);
        var rmyy = reports.unit(february, "rmyy");
        assertThat(rmyy.status()).isEqualTo(UnitStatus.CLOSED);
        ReportVersion carried = reports.versions(february, "rmyy").get(0);
        assertThat(carried.carriedOver()).isTrue();
        assertThat(carried.statusLabel()).isEqualTo("结转上期数据（本期未报送）");
        assertThat(carried.values().get("checked")).isEqualByComparingTo("12");
        var summary = summaries.summarize(february);
        assertThat(summary.totals()).extracting(s -> s.amount().intValue()).containsExactly(21, 5, 4, 50);
        assertThat(summary.carried()).singleElement().satisfies(u -> assertThat(u.statusLabel()).isEqualTo("未报送，已结转上期数据"));
        // one answer on every screen (issue 28 §7): a carried-over unit missed the period, so it is late — on the
        // 督办看板 as in the summary, with the same days — for the half-year and year-end assessment
        var summaryRow = summary.units().stream().filter(u -> u.unitCode().equals("rmyy")).findFirst().orElseThrow();
        assertThat(summaryRow.overdue()).isTrue();
        assertThat(summaryRow.daysLate()).isPositive();
        var boardRow = dashboard.board(february, null, 0, 50).units().rows().stream().filter(u -> u.unitCode().equals("rmyy"))
                .findFirst().orElseThrow();
        assertThat(boardRow.bucket()).isEqualTo("OVERDUE");
        assertThat(boardRow.daysLate()).isEqualTo(summaryRow.daysLate());
        assertThat(boardRow.statusLabel()).isEqualTo(summaryRow.statusLabel());
        DataFormatter f = new DataFormatter();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(february)))) {
            assertThat(f.formatCellValue(wb.getSheet("汇总表").getRow(1).getCell(0))).contains("另 1 个单位未报送、结转上期数据计入合计");
            var units = wb.getSheet("各单位明细");
            boolean marked = false;
            for (var row : units) {
                marked |= f.formatCellValue(row.getCell(1)).equals("沂源县人民医院") && f.formatCellValue(row.getCell(2)).equals("未报送，已结转上期数据");
            }
            assertThat(marked).as("the carried unit is marked in 各单位明细").isTrue();
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exports.unitWorkbook(february, "rmyy")))) {
            assertThat(f.formatCellValue(wb.getSheet("统计表").getRow(1).getCell(0))).isEqualTo("结转上期数据（本期未报送）");
        }

        // March opens, and with it the last period: the series' process ends
        String march = open(id, LocalDate.of(year, 4, 1), 2);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SeriesProcess.KEY).processInstanceBusinessKey(id).count())
                .isZero();
        assertThat(reports.units(march)).hasSize(2);

        // the matrix: a row per unit, a cell per month, the carried month marked; the year so far, per unit and county
        matrix = series.matrix(id);
        var rmyyRow = matrix.units().stream().filter(u -> u.unitCode().equals("rmyy")).findFirst().orElseThrow();
        assertThat(rmyyRow.cells()).extracting(c -> c.label()).containsExactly("已通过", "未报送，已结转上期数据", "未签收");
        assertThat(rmyyRow.cells().get(1).carried()).isTrue();
        var ytd = matrix.cumulative().stream().filter(c -> "rmyy".equals(c.unitCode())).findFirst().orElseThrow();
        assertThat(ytd.yearToDate().get("checked")).isEqualByComparingTo("24");
        assertThat(ytd.firstHalf().get("checked")).isEqualByComparingTo("24");
        assertThat(ytd.secondHalf().get("checked")).isEqualByComparingTo(BigDecimal.ZERO);
        var county = matrix.cumulative().get(matrix.cumulative().size() - 1);
        assertThat(county.unitName()).isEqualTo("合计");
        assertThat(county.yearToDate().get("checked")).isEqualByComparingTo("41");
        assertThat(matrix.periods().get(1).totals().get("checked")).isEqualByComparingTo("21");
    }

    /** Moves the engine clock to the morning a period opens, runs the jobs; the period's campaign, its units notified. */
    private String open(String seriesId, LocalDate day, int index) {
        at(day, 8);
        driver.runJobs();
        var p = series.matrix(seriesId).periods().get(index);
        assertThat(p.campaignId()).as("period %s opened on %s", p.label(), day).isNotNull();
        assertThat(campaigns.get(p.campaignId()).status()).isEqualTo(CampaignStatus.ISSUED);
        return p.campaignId();
    }

    private static void at(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 1).atZone(CHINA).toInstant()));
    }

    private static Map<String, String> figures(String checked, String found, String fixed, String trained) {
        return Map.of("checked", checked, "found", found, "fixed", fixed, "trained", trained);
    }
}
