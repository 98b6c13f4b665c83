package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.export.ExportService;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notice without a statistics table — a summary and photos only, as most work notices are — runs from upload to
 * the county summary through the task API: nothing to type, the summary lists who handed in, the exports carry
 * the units and their files.
 */
@EngineTest
class NoTableNoticeIT {

    static final String TEMPLATE = """
            code: %s
            title: 关于开展2026年“安全生产月”活动的通知
            issuer: 某县卫生健康局
            section: 综合监督科
            noticeText: |
              各医疗卫生单位：
              今年6月是第25个全国“安全生产月”。请各单位围绕主题开展隐患排查、应急演练和宣传活动，
              于6月30日前报送活动总结和现场照片。
            targets: {units: [rmyy, jkzx]}
            deadline: {daysAfterIssue: 10, moveToWorkingDay: true}
            items:
              - {code: "1", title: 开展隐患排查整治}
              - {code: "2", title: 组织应急演练}
            attachments: {summaryRequired: true, minPhotos: 1, maxPhotos: 10}
            """;

    @Autowired Driver driver;
    @Autowired TemplateCatalog catalog;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;
    @Autowired ExportService exports;
    @Autowired cn.duban.document.Circulars circulars;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @Test
    void aNoticeWithoutATableIsHandedInReviewedAndSummarized() throws Exception {
        String code = "safety-month-" + System.nanoTime();
        var t = catalog.upload(TEMPLATE.formatted(code), "drafter1");
        assertThat(t.indicators()).isEmpty();
        String id = driver.issue(driver.startCampaign(code, LocalDate.now().plusDays(10).toString()));
        for (String unit : List.of("rmyy", "jkzx")) {
            driver.sign(id, unit);
        }
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", Map.of(), List.of());
        driver.review(id, "rmyy", true, null, null);
        assertThat(reports.unit(id, "rmyy").status()).isEqualTo(UnitStatus.APPROVED);
        // the summary and photo are still required without a table
        driver.stage(id, "jkzx", false, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.handIn(id, "jkzx", Map.of(), List.of()))
                .hasMessageContaining("总结");
        // a figure sent for a table that does not exist is refused, not stored
        driver.stage(id, "jkzx", true, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.handIn(id, "jkzx", Map.of("1", "3"), List.of()))
                .hasMessageContaining("1");

        CountySummary s = summaries.summarize(id);
        assertThat(s.totals()).isEmpty();
        assertThat(s.units()).extracting(CountySummary.UnitRow::unitCode).containsExactlyInAnyOrder("rmyy", "jkzx");
        assertThat(s.approvedCount()).isEqualTo(1);

        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            StringBuilder text = new StringBuilder();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    row.forEach(cell -> text.append(cell.toString()).append('|'));
                }
            }
            assertThat(text).contains("沂源县人民医院").contains("沂源县疾病预防控制中心");
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).anyMatch(n -> n.contains("沂源县人民医院") && n.endsWith(".pdf"));
        assertThat(names).anyMatch(n -> n.equals("沂源县人民医院/报送内容.txt")).noneMatch(n -> n.endsWith("统计表.xlsx"));
        // no empty 统计表 for a notice that has none (issue 28 §9)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exports.unitWorkbook(id, "rmyy"))
                .hasMessageContaining("本通知没有统计表");
    }

    /**
     * Issue #28 §6: a 零报告 is a report. A school with nothing to report says so, hands in no file and no row; it is
     * labelled 零报告 in the summary and the workbooks, counted as reported in the 督办通报, and its statement goes up
     * in the package.
     */
    @Test
    void aZeroReportIsAReportLabelledSoEverywhere() throws Exception {
        String code = "zero-" + System.nanoTime();
        catalog.upload(TEMPLATE.formatted(code) + "zeroReport: true\n", "drafter1");
        String id = driver.issue(driver.startCampaign(code, LocalDate.now().plusDays(10).toString()));
        driver.sign(id, "rmyy");
        String statement = "经排查，本院无安全隐患，特此零报告";
        driver.submit("rmyy-reporter", driver.unitTask(id, "rmyy", cn.duban.process.UnitReportProcess.FILL_REPORT),
                Map.of(cn.duban.process.UnitReportProcess.REPORT.name(), Driver.transientString(
                        new cn.duban.report.ReportPayload(Map.of(), statement, null, List.of(), true).toJson())));
        var version = reports.versions(id, "rmyy").get(0);
        assertThat(version.zeroReport()).isTrue();
        assertThat(version.statusLabel()).isEqualTo("已报送，待审核（零报告）");
        assertThat(version.attachments()).isEmpty();
        driver.review(id, "rmyy", true, null, null);
        var s = summaries.summarize(id);
        assertThat(s.zeroReports()).singleElement().satisfies(u -> {
            assertThat(u.unitCode()).isEqualTo("rmyy");
            assertThat(u.statusLabel()).isEqualTo("已通过（零报告）");
            assertThat(u.overdue()).isFalse();
        });
        assertThat(s.approvedCount()).isEqualTo(1);
        assertThat(circulars.circular(id).body()).anySatisfy(p -> assertThat(p.whole()).contains("已报 1 家（其中零报告 1 家）"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        String text = null;
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("沂源县人民医院/报送内容.txt")) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(text).contains("零报告").contains(statement);
    }
}
