package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.calendar.WorkCalendar;
import cn.duban.document.Circulars;
import cn.duban.document.NoticeDocuments;
import cn.duban.export.ExportService;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #28: three real notices from other bureaus, shipped as examples and run end to end — an education bureau's
 * student-aid return (fixed rows, a hard rule per row), a market supervision bureau's lift check (a 零报告 from a
 * station with no lifts), an emergency bureau's flood-season inspection ledger (rows the offices add, a duty roster).
 * Each: issued to its own units, signed for, handed in (a wrong figure refused, a return and a second hand-in),
 * reviewed, and its county figures checked against sums worked out here, in the summary, the workbook's 合计 row and
 * the 督办通报.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class OtherBureausIT {

    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;
    @Autowired ExportService exports;
    @Autowired WorkCalendar calendar;
    @Autowired NoticeDocuments notices;
    @Autowired Circulars circulars;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    String issue(String template) {
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
        return driver.issue(driver.startCampaign(template, deadline.toString()));
    }

    static BigDecimal totalRow(Workbook wb, String column) {
        Sheet sheet = wb.getSheet("汇总表");
        DataFormatter f = new DataFormatter();
        int col = -1;
        for (var c : sheet.getRow(3)) {
            if (f.formatCellValue(c).startsWith(column)) {
                col = c.getColumnIndex();
            }
        }
        for (Row r : sheet) {
            if (r.getCell(0) != null && "合计".equals(f.formatCellValue(r.getCell(0)))) {
                return BigDecimal.valueOf(r.getCell(col).getNumericCellValue());
            }
        }
        throw new AssertionError("no 合计 row");
    }

    static BigDecimal county(CountySummary s, String name) {
        return s.totals().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().amount();
    }

    @Test
    void anEducationBureausStudentAidReturn() throws Exception {
        String id = issue("county-student-aid-autumn");
        assertThat(reports.units(id)).extracting(u -> u.unitCode()).containsExactlyInAnyOrder("yyyz", "yyez", "syxx", "zyzz");
        assertThat(notices.of(id).addressee()).isEqualTo("各中小学校、中等职业学校：");
        String[] rows = {"grant", "fees", "meals", "loan", "school"};
        Map<String, int[]> students = Map.of("yyyz", new int[] {120, 0, 0, 35, 40}, "syxx", new int[] {0, 0, 860, 0, 12});
        Map<String, String[]> amounts = Map.of("yyyz", new String[] {"24.00", "0", "0", "28.5", "3.2"},
                "syxx", new String[] {"0", "0", "43.86", "0", "0.6"});
        for (String unit : students.keySet()) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, false);
        }
        Map<String, String> wrong = figures(rows, students.get("yyyz"), amounts.get("yyyz"));
        wrong.put("grant.poor", "121");
        assertThatThrownBy(() -> driver.handIn(id, "yyyz", wrong, List.of())).hasMessageContaining("国家助学金：家庭经济困难学生人数不能超过受助学生人数");
        for (String unit : students.keySet()) {
            driver.handIn(id, unit, figures(rows, students.get(unit), amounts.get(unit)), List.of());
        }
        driver.review(id, "syxx", false, "营养改善计划金额与系统不一致，请核对", calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5)));
        // handed in again with its summary kept from the returned version
        List<Long> kept = reports.versions(id, "syxx").get(0).attachments().stream().map(a -> a.id()).toList();
        driver.handIn(id, "syxx", figures(rows, students.get("syxx"), amounts.get("syxx")), kept);
        driver.review(id, "syxx", true, null, null);
        driver.review(id, "yyyz", true, null, null);

        CountySummary s = summaries.summarize(id);
        BigDecimal amount = sum(amounts.get("yyyz")).add(sum(amounts.get("syxx")));
        int aided = java.util.Arrays.stream(students.get("yyyz")).sum() + java.util.Arrays.stream(students.get("syxx")).sum();
        assertThat(county(s, "资助金额")).isEqualByComparingTo(amount);
        assertThat(county(s, "受助学生")).isEqualByComparingTo(BigDecimal.valueOf(aided));
        assertThat(s.table().rows()).filteredOn(r -> r.label().equals("营养改善计划")).singleElement()
                .satisfies(r -> assertThat((BigDecimal) r.cells().get("students")).isEqualByComparingTo("860"));
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            assertThat(totalRow(wb, "资助金额")).isEqualByComparingTo(amount);
        }
        assertThat(circulars.circular(id).plainText()).contains("资助金额：" + amount.setScale(2).toPlainString() + "万元")
                .contains("应报 4 家，已报 2 家");
    }

    static Map<String, String> figures(String[] rows, int[] students, String[] amounts) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            v.put(rows[i] + ".students", String.valueOf(students[i]));
            v.put(rows[i] + ".amount", amounts[i]);
            v.put(rows[i] + ".poor", String.valueOf(students[i] / 3));
        }
        return v;
    }

    static BigDecimal sum(String[] values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aMarketBureausLiftCheckWithAZeroReport() throws Exception {
        String id = issue("county-elevator-safety-check");
        assertThat(reports.units(id)).extracting(u -> u.unitCode()).containsExactlyInAnyOrder("sjcgs", "sjxzs");
        String[] places = {"homes", "shops", "clinics", "schools", "hotels", "other"};
        int[][] town = {{86, 86, 9, 7, 3}, {12, 12, 2, 2, 1}, {6, 6, 0, 0, 0}, {4, 4, 1, 0, 1}, {8, 7, 1, 1, 0}, {3, 3, 0, 0, 0}};
        String[] cols = {"inUse", "checked", "found", "fixed", "orders"};
        Map<String, String> v = new LinkedHashMap<>();
        for (int p = 0; p < places.length; p++) {
            for (int c = 0; c < cols.length; c++) {
                v.put(places[p] + "." + cols[c], String.valueOf(town[p][c]));
            }
        }
        driver.sign(id, "sjcgs");
        driver.stage(id, "sjcgs", true, true);
        Map<String, String> wrong = new LinkedHashMap<>(v);
        wrong.put("hotels.checked", "9");
        assertThatThrownBy(() -> driver.handIn(id, "sjcgs", wrong, List.of())).hasMessageContaining("宾馆饭店：排查电梯台数不能超过在用电梯台数");
        driver.handIn(id, "sjcgs", v, List.of());
        // the new town's station has no lift in its area: a 零报告, said in its summary
        driver.sign(id, "sjxzs");
        String zero = new ReportPayload(Map.of(), "经排查，本所辖区内无在用电梯，特此零报告。", null, List.of(), true).toJson();
        driver.submit("sjxzs-reporter", driver.unitTask(id, "sjxzs", UnitReportProcess.FILL_REPORT),
                Map.of(UnitReportProcess.REPORT.name(), Driver.transientString(zero)));
        driver.review(id, "sjcgs", true, null, null);
        driver.review(id, "sjxzs", true, null, null);

        CountySummary s = summaries.summarize(id);
        int found = 0;
        int lifts = 0;
        for (int[] row : town) {
            lifts += row[0];
            found += row[2];
        }
        assertThat(county(s, "在用电梯")).isEqualByComparingTo(BigDecimal.valueOf(lifts));
        assertThat(county(s, "发现隐患")).isEqualByComparingTo(BigDecimal.valueOf(found));
        assertThat(s.zeroReports()).extracting(CountySummary.UnitRow::unitName).containsExactly("XX县新镇市场监管所");
        assertThat(reports.unit(id, "sjxzs").status()).isEqualTo(UnitStatus.APPROVED);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            assertThat(totalRow(wb, "发现隐患")).isEqualByComparingTo(BigDecimal.valueOf(found));
        }
        assertThat(circulars.circular(id).plainText()).contains("其中零报告 1 家").contains("在用电梯：" + lifts + "台");
    }

    @Test
    void anEmergencyBureausFloodSeasonLedger() throws Exception {
        String id = issue("county-flood-season-safety-check");
        assertThat(reports.units(id)).hasSize(4);
        assertThat(notices.of(id).roster()).singleElement().satisfies(r -> assertThat(r.lead()).isNotBlank());
        String[][] lishan = {{"沂源县鲁山化工有限公司", "危险化学品", "2027-06-03", "3", "3", "否"},
                {"沂源县东方建材厂", "工贸", "2027-06-05", "2", "1", "否"},
                {"县城南片区安置房项目", "建筑施工", "2027-06-08", "4", "2", "是"}};
        String[][] nanma = {{"南麻石料厂", "非煤矿山", "2027-06-04", "5", "5", "否"}};
        Map<String, String[][]> ledgers = Map.of("yjls", lishan, "yjnm", nanma);
        for (var e : ledgers.entrySet()) {
            driver.sign(id, e.getKey());
            driver.stage(id, e.getKey(), true, true);
        }
        Map<String, String> wrong = ledger(nanma);
        wrong.put("1.fixed", "6");
        assertThatThrownBy(() -> driver.handIn(id, "yjnm", wrong, List.of())).hasMessageContaining("第 1 行：已整改隐患不能多于发现的隐患");
        for (var e : ledgers.entrySet()) {
            driver.handIn(id, e.getKey(), ledger(e.getValue()), List.of());
            driver.review(id, e.getKey(), true, null, null);
        }
        CountySummary s = summaries.summarize(id);
        int found = 0;
        int fixed = 0;
        for (String[][] l : ledgers.values()) {
            for (String[] r : l) {
                found += Integer.parseInt(r[3]);
                fixed += Integer.parseInt(r[4]);
            }
        }
        assertThat(county(s, "发现隐患")).isEqualByComparingTo(BigDecimal.valueOf(found));
        assertThat(county(s, "已整改")).isEqualByComparingTo(BigDecimal.valueOf(fixed));
        assertThat(s.table().rows()).hasSize(4).extracting(r -> r.cells().get("name"))
                .containsExactlyInAnyOrder("沂源县鲁山化工有限公司", "沂源县东方建材厂", "县城南片区安置房项目", "南麻石料厂");
        assertThat(s.table().rows()).extracting(r -> r.label()).containsExactly("1", "2", "3", "4");
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            assertThat(totalRow(wb, "发现隐患")).isEqualByComparingTo(BigDecimal.valueOf(found));
        }
        assertThat(circulars.circular(id).plainText()).contains("逾期未报 0 家").contains("发现隐患：" + found + "项");
    }

    static Map<String, String> ledger(String[][] rows) {
        Map<String, String> v = new LinkedHashMap<>();
        String[] cols = {"name", "trade", "day", "found", "fixed", "stopped"};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                v.put((r + 1) + "." + cols[c], rows[r][c]);
            }
        }
        return v;
    }
}
