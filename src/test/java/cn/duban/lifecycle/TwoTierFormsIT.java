package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.campaign.CampaignService;
import cn.duban.document.NoticeDocument;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.AttachmentService;
import cn.duban.report.ReportException;
import cn.duban.report.ReportService;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import cn.duban.unit.UnitAdmin;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #28 §4: a two-level roll-up whose tiers fill forms of their own (the shipped county-vaccination-clinics-two-tier).
 * Each township centre fills 附件1 (its clinic's self-inspection) with photos and reports to the CDC; the CDC fills
 * 附件2, whose row per centre is built from the centre's approved 附件1 — carried up by the server, whatever the form
 * sends — beside its own row and its visits, with its own report; a unit outside the roll-up fills 附件2 with its own
 * row. Neither tier can fill or attach what is the other's; the county summary, each sheet, the workbooks and the
 * notice document hold each form with the units that fill it, every figure checked against a sum computed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class TwoTierFormsIT {

    @Autowired Driver driver;
    @Autowired UnitAdmin unitAdmin;
    @Autowired ReportService reports;
    @Autowired AttachmentService attachments;
    @Autowired SummaryService summaries;
    @Autowired CampaignService campaigns;
    @Autowired cn.duban.export.ExportService exports;
    @Autowired ProcessEngine engine;

    String m1;
    String m2;

    @BeforeEach
    void units() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        long n = System.nanoTime() % 100_000;
        m1 = "tta" + n;
        m2 = "ttb" + n;
        for (String code : List.of(m1, m2)) {
            unitAdmin.create(new UnitAdmin.UnitForm(code, "镇卫生院" + code, "township", code + "@township.local", null, null,
                    "填报员", code + "-reporter", "jkzx"), "ops1");
        }
    }

    @AfterEach
    void deactivate() {
        unitAdmin.setActive(m1, false, "test");
        unitAdmin.setActive(m2, false, "test");
    }

    @Test
    void eachTierFillsItsOwnFormsAndTheIntermediatesIsBuiltFromItsMembers() throws Exception {
        var t = driver.uploadVariant("campaigns/county-vaccination-clinics-two-tier.yaml", "  units: [jkzx, rmyy, " + m1 + ", " + m2 + "]");
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20);
        String id = driver.issue(driver.startCampaign(t.code(), deadline.toString()));
        var c = campaigns.get(id);

        // the notice says who fills which form
        NoticeDocument doc = NoticeDocument.of(c.template(), c.title(), null, deadline, LocalDate.now(), sel -> List.of());
        assertThat(doc.attachments()).containsExactly("预防接种门诊自查情况表（下级单位填报）", "全县预防接种门诊督导汇总表（汇总单位及直报单位填报）");

        // a member fills 附件1 and attaches photos; the CDC fills 附件2 and attaches its report
        assertThat(reports.sheets(c, m1)).extracting(s -> s.get("attachment") + " " + s.get("title"))
                .containsExactly("附件1 预防接种门诊自查情况表");
        assertThat(reports.part(c, m1).kinds()).extracting(k -> k.label()).containsExactly("自查照片");
        assertThat(reports.sheets(c, "jkzx")).extracting(s -> s.get("attachment") + " " + s.get("title"))
                .containsExactly("附件2 全县预防接种门诊督导汇总表");
        assertThat(reports.part(c, "jkzx").kinds()).extracting(k -> k.label()).containsExactly("督导工作总结");
        assertThat(reports.part(c, "rmyy").tables()).extracting(x -> x.code()).containsExactly("county");

        // ---- the members
        for (String unit : List.of(m1, m2)) {
            driver.sign(id, unit);
            driver.stage(id, unit, false, true);
        }
        assertThatThrownBy(() -> driver.stage(id, m1, true, false)).as("the CDC's kind is not a member's")
                .isInstanceOf(ReportException.class).hasMessageContaining("没有“SUMMARY”这一类");
        Map<String, String> own1 = clinic(new int[][] {{12, 3, 2}, {8, 1, 1}, {6, 0, 0}, {10, 2, 2}});
        Map<String, String> withCdcCell = new LinkedHashMap<>(own1);
        withCdcCell.put("county:" + m1 + ".visits", "9");
        assertThatThrownBy(() -> driver.handIn(id, m1, withCdcCell, List.of())).as("a cell of the CDC's form is not the member's")
                .hasStackTraceContaining("统计表中没有这一格");
        driver.handIn(id, m1, own1, List.of());
        driver.handIn(id, m2, clinic(new int[][] {{11, 4, 1}, {7, 0, 0}, {5, 1, 1}, {9, 0, 0}}), List.of());
        // the CDC approves one; the other waits
        driver.submit("jkzx-reporter", driver.unitTask(id, m1, UnitReportProcess.REVIEW_REPORT), Map.of(
                UnitReportProcess.REPORT_APPROVED.name(), true, UnitReportProcess.COMMENT.name(), Driver.transientString(""),
                UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString("")));

        // ---- the CDC's form: its own row, and a row per approved member carrying that member's totals
        var sheet = reports.sheets(c, "jkzx").get(0);
        assertThat(sheet.get("carriedRows")).isEqualTo(List.of(m1));
        assertThat(sheet.get("missingMembers")).isEqualTo(List.of("镇卫生院" + m2));
        assertThat(carried(sheet)).containsEntry("county:" + m1 + ".found", "6")
                .containsEntry("county:" + m1 + ".checked", "36").containsEntry("county:" + m1 + ".fixed", "5");
        assertThat(lineKeys(sheet)).containsExactly("jkzx", m1);

        driver.sign(id, "jkzx");
        driver.stage(id, "jkzx", true, false);
        Map<String, String> cdc = new LinkedHashMap<>();
        cdc.put("county:jkzx.checked", "4");
        cdc.put("county:jkzx.found", "1");
        cdc.put("county:jkzx.fixed", "1");
        cdc.put("county:jkzx.visits", "2");
        cdc.put("county:jkzx.verdict", "合格");
        cdc.put("county:" + m1 + ".visits", "1");
        cdc.put("county:" + m1 + ".verdict", "基本合格");
        // what a client sends in a carried cell is not what is kept: the member's approved figure is
        cdc.put("county:" + m1 + ".found", "999");
        assertThatThrownBy(() -> driver.handIn(id, "jkzx", cdc, List.of())).as("a member not approved must be explained")
                .hasStackTraceContaining("尚未审核通过");
        driver.handIn(id, "jkzx", cdc, List.of(), "镇卫生院" + m2 + "的自查退回补充中，随后补报");
        var kept = reports.versions(id, "jkzx").get(0);
        assertThat(kept.values().get("county:" + m1 + ".found")).isEqualByComparingTo("6");
        assertThat(kept.values().get("county:_total.found")).isEqualByComparingTo("7");

        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, false);
        driver.handIn(id, "rmyy", Map.of("county:rmyy.checked", "5", "county:rmyy.found", "2", "county:rmyy.fixed", "2",
                "county:rmyy.visits", "0", "county:rmyy.verdict", "合格"), List.of());
        // the section reviewing the CDC sees its centres' reports and the files they handed in, carried up with it
        var cdcView = reports.memberLines(c, List.of(m1, m2));
        assertThat(cdcView.lines()).extracting(l -> l.unitName() + ":" + l.files().size()).containsExactly("镇卫生院" + m1 + ":1", "镇卫生院" + m2 + ":0");
        assertThat(cdcView.lines().get(0).files()).extracting(f -> f.kind()).containsExactly("PHOTO");
        driver.review(id, "jkzx", true, null, null);
        driver.review(id, "rmyy", true, null, null);

        // ---- the county: each form with the units that fill it, each figure against a sum computed here
        CountySummary s = summaries.summarize(id);
        assertThat(s.sheets()).extracting(CountySummary.Sheet::title).containsExactly("预防接种门诊自查情况表", "全县预防接种门诊督导汇总表");
        assertThat(s.sheets().get(0).detail().rows()).extracting(r -> r.unit()).containsOnly("镇卫生院" + m1);
        assertThat(s.sheets().get(1).detail().rows()).extracting(r -> r.unit()).containsOnly("沂源县疾病预防控制中心", "沂源县人民医院")
                .hasSize(3);
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        s.totals().forEach(x -> totals.put(x.code(), x.amount().setScale(0, java.math.RoundingMode.UNNECESSARY)));
        // 附件1: the approved member alone
        assertThat(totals).containsEntry("clinic:checked", new BigDecimal(12 + 8 + 6 + 10))
                .containsEntry("clinic:found", new BigDecimal(3 + 1 + 0 + 2)).containsEntry("clinic:fixed", new BigDecimal(2 + 1 + 0 + 2));
        // 附件2: the CDC's own row, its member's carried row, the hospital's own row
        assertThat(totals).containsEntry("county:checked", new BigDecimal(4 + 36 + 5)).containsEntry("county:found", new BigDecimal(1 + 6 + 2))
                .containsEntry("county:fixed", new BigDecimal(1 + 5 + 2)).containsEntry("county:visits", new BigDecimal(2 + 1 + 0));

        // the workbooks: a member's holds its form, the CDC's its own, numbered as the notice numbers them
        assertThat(sheetNames(exports.unitWorkbook(id, m1))).containsExactly("附件1 预防接种门诊自查情况表");
        assertThat(sheetNames(exports.unitWorkbook(id, "jkzx"))).containsExactly("附件2 全县预防接种门诊督导汇总表");
        var county = WorkbookFactory.create(new ByteArrayInputStream(exports.summaryWorkbook(id)));
        assertThat(sheetNames(county)).contains("附件1 汇总表", "附件2 汇总表");
        String text2 = cells(county.getSheet("附件2 汇总表"));
        assertThat(text2).contains("镇卫生院" + m1).contains("全县合计").doesNotContain("999");

        // the upward package: the centre's files inside the CDC's folder, as the CDC reports them
        var zip = new java.io.ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        List<String> names = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("沂源县疾病预防控制中心/镇卫生院" + m1 + "/") && n.endsWith(".png"))
                .noneMatch(n -> n.contains(m2));
    }

    private static Map<String, String> clinic(int[][] rows) {
        Map<String, String> v = new LinkedHashMap<>();
        String[] codes = {"setup", "cold", "stock", "record"};
        for (int i = 0; i < codes.length; i++) {
            v.put("clinic:" + codes[i] + ".checked", String.valueOf(rows[i][0]));
            v.put("clinic:" + codes[i] + ".found", String.valueOf(rows[i][1]));
            v.put("clinic:" + codes[i] + ".fixed", String.valueOf(rows[i][2]));
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> carried(Map<String, Object> sheet) {
        return (Map<String, String>) sheet.get("carried");
    }

    @SuppressWarnings("unchecked")
    private static List<String> lineKeys(Map<String, Object> sheet) {
        return ((List<cn.duban.report.TableFigures.Line>) sheet.get("lines")).stream().map(cn.duban.report.TableFigures.Line::key).toList();
    }

    private static List<String> sheetNames(byte[] xlsx) throws Exception {
        return sheetNames(WorkbookFactory.create(new ByteArrayInputStream(xlsx)));
    }

    private static List<String> sheetNames(org.apache.poi.ss.usermodel.Workbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(sh -> out.add(sh.getSheetName()));
        return out;
    }

    private static String cells(org.apache.poi.ss.usermodel.Sheet sheet) {
        StringBuilder sb = new StringBuilder();
        var f = new org.apache.poi.ss.usermodel.DataFormatter();
        sheet.forEach(row -> row.forEach(cell -> sb.append(f.formatCellValue(cell)).append('|')));
        return sb.toString();
    }
}
