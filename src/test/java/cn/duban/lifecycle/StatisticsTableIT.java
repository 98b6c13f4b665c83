package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.calendar.WorkCalendar;
import cn.duban.export.ExportService;
import cn.duban.report.ReportService;
import cn.duban.report.TableGrid;
import cn.duban.report.UnitStatus;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import cn.duban.unit.Units;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

/**
 * Statistics tables with columns, end to end through the task API: the shipped county-vector-control-spring (a row
 * per township health centre under the CDC, a computed column, a date, a choice and a remark) and a notice whose
 * units add a row per activity held — each handed in, refused cell by cell, reviewed, summed and exported.
 */
@EngineTest
public class StatisticsTableIT {

    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;
    @Autowired ExportService exports;
    @Autowired WorkCalendar calendar;
    @Autowired Units units;
    @Autowired cn.duban.campaign.CampaignService campaigns;
    @Autowired cn.duban.campaign.TemplateCatalog catalog;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @Test
    void theCdcReportsARowPerTownshipCentreWithARemarkAndTheCountySeesThemAll() throws Exception {
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
        String id = driver.issue(driver.startCampaign("county-vector-control-spring", deadline.toString()));
        assertThat(reports.units(id)).extracting(u -> u.unitCode()).containsExactly("jkzx");
        List<String> towns = units.children("jkzx").stream().map(u -> u.code()).toList();
        assertThat(towns).hasSizeGreaterThanOrEqualTo(10);
        assertThat((List<?>) reports.sheet(campaigns.get(id), "jkzx").get("lines")).hasSize(towns.size());

        driver.sign(id, "jkzx");
        driver.stage(id, "jkzx", true, true);
        Map<String, String> cells = new LinkedHashMap<>();
        for (String town : towns) {
            cells.put(town + ".area", "1.5");
            cells.put(town + ".bait", "12.5");
            cells.put(town + ".water", "10");
            cells.put(town + ".rubbish", "3");
            cells.put(town + ".day", "2026-03-20");
            cells.put(town + ".progress", "已完成");
        }
        String first = towns.get(0);
        String firstName = units.find(first).orElseThrow().name();
        Map<String, String> bad = new LinkedHashMap<>(cells);
        bad.put(first + ".water", "2.5");
        bad.put(first + ".progress", "差不多");
        bad.remove(first + ".day");
        assertThatThrownBy(() -> driver.handIn(id, "jkzx", bad, List.of()))
                .hasMessageContaining("第 1 行“" + firstName + "”“清理积水容器”须为整数（单位：处）")
                .hasMessageContaining("“完成情况”请从列表中选择（已完成、部分完成、未开展）")
                .hasMessageContaining("“开展日期”必填");

        // a row with a treated area but no bait is a warning the unit explains in its note
        cells.put(first + ".bait", "0");
        cells.put(first + ".progress", "部分完成");
        cells.put(first + ".remark", "毒饵延期到货，4月10日补投");
        assertThatThrownBy(() -> driver.handIn(id, "jkzx", cells, List.of()))
                .hasMessageContaining(firstName + "：有投药面积但投放毒饵为 0，请核实");
        driver.handIn(id, "jkzx", cells, List.of(), "毒饵延期到货");
        var version = reports.versions(id, "jkzx").get(0);
        assertThat(version.values().get(first + ".sites")).isEqualByComparingTo("13");
        assertThat(version.values().get("_total.water")).isEqualByComparingTo(BigDecimal.valueOf(10L * towns.size()));
        assertThat(version.texts()).containsEntry(first + ".remark", "毒饵延期到货，4月10日补投")
                .containsEntry(first + ".day", "2026-03-20");
        assertThat(reports.breaches(campaigns.get(id), version)).singleElement()
                .satisfies(b -> assertThat(b.message()).startsWith(firstName));

        driver.review(id, "jkzx", true, null, null);
        assertThat(reports.unit(id, "jkzx").status()).isEqualTo(UnitStatus.APPROVED);
        CountySummary s = summaries.summarize(id);
        assertThat(s.totals()).extracting(CountySummary.Total::name)
                .containsExactly("投药面积", "投放毒饵", "清理积水容器", "清理垃圾堆放点", "清理孳生地合计");
        assertThat(s.totals().get(4).amount()).isEqualByComparingTo(BigDecimal.valueOf(13L * towns.size()));
        assertThat(s.totals().get(1).amount()).isEqualByComparingTo(new BigDecimal("12.5").multiply(BigDecimal.valueOf(towns.size() - 1)));
        TableGrid table = s.table();
        assertThat(table.rows()).hasSize(towns.size());
        assertThat(table.rows().get(0).unit()).isEqualTo("沂源县疾病预防控制中心");
        assertThat(table.rows().get(0).cells()).containsEntry("remark", "毒饵延期到货，4月10日补投");

        DataFormatter f = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            Sheet sheet = wb.getSheet("汇总表");
            assertThat(f.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("春季病媒生物防制集中行动情况统计表");
            List<String> header = new ArrayList<>();
            sheet.getRow(3).forEach(c -> header.add(f.formatCellValue(c)));
            assertThat(header).containsExactly("序号", "填报单位", "乡镇（街道）卫生院", "投药面积（万平方米）", "投放毒饵（公斤）",
                    "清理积水容器（处）", "清理垃圾堆放点（处）", "清理孳生地合计（处）", "开展日期", "完成情况", "备注");
            Row firstRow = sheet.getRow(4);
            assertThat(f.formatCellValue(firstRow.getCell(2))).isEqualTo(firstName);
            assertThat(f.formatCellValue(firstRow.getCell(3))).isEqualTo("1.50");
            assertThat(f.formatCellValue(firstRow.getCell(10))).isEqualTo("毒饵延期到货，4月10日补投");
            Row total = sheet.getRow(4 + towns.size());
            assertThat(f.formatCellValue(total.getCell(0))).isEqualTo("合计");
            assertThat(f.formatCellValue(total.getCell(7))).isEqualTo(String.valueOf(13 * towns.size()));
            assertThat(f.formatCellValue(wb.getSheet("各单位明细").getRow(0).getCell(6))).isEqualTo("投药面积（万平方米）合计");
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.unitWorkbook(id, "jkzx")))) {
            Sheet sheet = wb.getSheet("统计表");
            assertThat(f.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("乡镇（街道）卫生院");
            assertThat(f.formatCellValue(sheet.getRow(4).getCell(9))).isEqualTo("毒饵延期到货，4月10日补投");
            assertThat(f.formatCellValue(sheet.getRow(4 + towns.size()).getCell(0))).isEqualTo("合计");
        }
    }

    /**
     * Issue #28 §5: a table with a row per sub-unit and the unit's own row (本级). The CDC reports its own figures
     * beside its township centres', and a hospital with no sub-units still reports its own row; every figure of the
     * county's table and totals is the sum the test computes from what it handed in.
     */
    @Test
    void aUnitsOwnRowComesFirstAndAUnitWithoutSubUnitsStillReports() throws Exception {
        String yaml = new org.springframework.core.io.ClassPathResource("campaigns/county-vector-control-spring.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8).replace("    subUnits: true", "    subUnits: true\n    ownRow: true");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("own-row", ".yaml");
        java.nio.file.Files.writeString(file, yaml);
        var own = driver.uploadVariant(file, "  units: [jkzx, rmyy]");
        assertThat(own.table().hasOwnRow()).isTrue();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
        String id = driver.issue(driver.startCampaign(own.code(), deadline.toString()));
        List<String> towns = units.children("jkzx").stream().map(u -> u.code()).toList();
        List<?> cdcLines = (List<?>) reports.sheet(campaigns.get(id), "jkzx").get("lines");
        assertThat(cdcLines).hasSize(towns.size() + 1);
        assertThat(cdcLines.get(0).toString()).contains("沂源县疾病预防控制中心（本级）");
        assertThat((List<?>) reports.sheet(campaigns.get(id), "rmyy").get("lines")).singleElement()
                .satisfies(l -> assertThat(l.toString()).contains("沂源县人民医院（本级）"));

        int water = 0;
        for (String unit : List.of("jkzx", "rmyy")) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, true);
            List<String> rows = new ArrayList<>(List.of(unit));
            if (unit.equals("jkzx")) {
                rows.addAll(towns);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                String r = rows.get(i);
                int w = unit.equals("rmyy") ? 7 : i + 1;
                water += w;
                cells.put(r + ".area", "0");
                cells.put(r + ".bait", "0");
                cells.put(r + ".water", String.valueOf(w));
                cells.put(r + ".rubbish", "1");
                cells.put(r + ".day", "2026-03-20");
                cells.put(r + ".progress", "已完成");
            }
            driver.handIn(id, unit, cells, List.of());
            driver.review(id, unit, true, null, null);
        }
        CountySummary s = summaries.summarize(id);
        assertThat(s.totals().get(2).amount()).isEqualByComparingTo(BigDecimal.valueOf(water));
        assertThat(s.totals().get(3).amount()).isEqualByComparingTo(BigDecimal.valueOf(towns.size() + 2L));
        assertThat(s.table().rows()).hasSize(towns.size() + 2);
        assertThat(s.table().rows()).extracting(r -> r.label()).contains("沂源县疾病预防控制中心（本级）", "沂源县人民医院（本级）");
        DataFormatter f = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.unitWorkbook(id, "rmyy")))) {
            Sheet sheet = wb.getSheet("统计表");
            assertThat(f.formatCellValue(sheet.getRow(4).getCell(1))).isEqualTo("沂源县人民医院（本级）");
            assertThat(f.formatCellValue(sheet.getRow(4).getCell(4))).isEqualTo("7");
        }
    }

    public static final String ACTIVITIES = """
            code: activities
            title: 关于报送“世界卫生日”宣传活动开展情况的通知
            issuer: 沂源县卫生健康局
            section: 综合监督科
            noticeText: 各医疗卫生单位：请将开展的每一场宣传活动逐行填报。
            targets: {units: [rmyy, zyy]}
            deadline: {daysAfterIssue: 10}
            tableTitle: 宣传活动开展情况登记表
            table:
              rowHeading: 序号
              rows: {added: {min: 1, max: 20}}
              columns:
                - {code: name, name: 活动名称, type: text, required: true, maxLength: 100}
                - {code: day, name: 活动日期, type: date, required: true}
                - {code: people, name: 参与人数, unit: 人次, type: integer}
                - {code: remark, name: 备注, type: text}
            """;

    @Test
    void unitsAddARowPerActivityAndTheCountyListsEveryUnitsRows() {
        var t = driver.as("drafter1", () -> catalog.upload(ACTIVITIES.replace("code: activities", "code: act-" + System.nanoTime() % 100000), "drafter1"));
        String id = driver.issue(driver.startCampaign(t.code(), null));
        for (String unit : List.of("rmyy", "zyy")) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, true);
        }
        assertThatThrownBy(() -> driver.handIn(id, "rmyy", Map.of(), List.of())).hasMessageContaining("统计表至少填写 1 行");
        driver.handIn(id, "rmyy", Map.of("1.name", "义诊进社区", "1.day", "2026-04-07", "1.people", "120",
                "2.name", "健康讲座", "2.day", "2026-04-08", "2.people", "60", "2.remark", "与县电视台合办"), List.of());
        driver.handIn(id, "zyy", Map.of("1.name", "中医药文化宣传", "1.day", "2026-04-07", "1.people", "80"), List.of());
        driver.review(id, "rmyy", true, null, null);
        driver.review(id, "zyy", true, null, null);
        CountySummary s = summaries.summarize(id);
        assertThat(s.totals()).singleElement().satisfies(total -> assertThat(total.amount()).isEqualByComparingTo("260"));
        assertThat(s.table().rows()).extracting(TableGrid.GridRow::unit, r -> r.cells().get("name"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("沂源县人民医院", "义诊进社区"),
                        org.assertj.core.groups.Tuple.tuple("沂源县人民医院", "健康讲座"),
                        org.assertj.core.groups.Tuple.tuple("沂源县中医医院", "中医药文化宣传"));
        assertThat((BigDecimal) s.table().total().cells().get("people")).isEqualByComparingTo("260");
    }
}
