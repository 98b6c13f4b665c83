package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignService;
import cn.duban.document.NoticeDocuments;
import cn.duban.export.ExportService;
import cn.duban.report.ReportService;
import cn.duban.report.TableGrid;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #28 §2: one notice, two linked forms (the shipped county-medical-buildings-safety: 附件1 房屋建筑基本情况清单, a
 * row per building; 附件2 隐患排查整治台账, each hazard naming one of those buildings). Each unit signs once and hands
 * in both; a hazard naming a building the unit did not list is refused at its cell; the county's figures of each form
 * are the sums of the approved units' (worked out here apart), in the summary, each form's sheets of the workbooks
 * and the notice's attachments.
 */
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("test")
@org.springframework.context.annotation.Import(Driver.class)
class SeveralTablesIT {

    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;
    @Autowired ExportService exports;
    @Autowired WorkCalendar calendar;
    @Autowired CampaignService campaigns;
    @Autowired NoticeDocuments notices;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    static Map<String, String> report(String[][] buildings, String[][] hazards) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < buildings.length; i++) {
            String r = "buildings:" + (i + 1) + ".";
            v.put(r + "name", buildings[i][0]);
            v.put(r + "built", buildings[i][1]);
            v.put(r + "floors", buildings[i][2]);
            v.put(r + "area", buildings[i][3]);
            v.put(r + "structure", "框架结构");
        }
        for (int i = 0; i < hazards.length; i++) {
            String r = "hazards:" + (i + 1) + ".";
            v.put(r + "building", hazards[i][0]);
            v.put(r + "hazard", hazards[i][1]);
            v.put(r + "level", "一般隐患");
            v.put(r + "funds", hazards[i][2]);
            v.put(r + "status", "整改中");
        }
        return v;
    }

    @Test
    void eachUnitHandsInBothFormsOnceAndTheCountySumsEach() throws Exception {
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
        String id = driver.issue(driver.startCampaign("county-medical-buildings-safety", deadline.toString()));
        var template = campaigns.get(id).template();
        List<Map<String, Object>> sheets = reports.sheets(campaigns.get(id), "rmyy");
        assertThat(sheets).extracting(s -> s.get("title")).containsExactly("医疗机构房屋建筑基本情况清单", "房屋建筑安全隐患排查整治台账");
        assertThat(sheets).extracting(s -> s.get("attachment")).containsExactly("附件1", "附件2");
        assertThat(sheets.get(1).get("from")).isEqualTo(Map.of("building", Map.of("table", "buildings", "column", "name")));

        var notice = notices.of(id);
        assertThat(notice.attachments()).containsExactly("医疗机构房屋建筑基本情况清单", "房屋建筑安全隐患排查整治台账");
        assertThat(notice.tables()).hasSize(2);
        assertThat(notice.attachmentLabel(1)).isEqualTo("附件2");
        assertThat(notice.tables().get(1).headings()).containsExactly("序号", "建筑名称", "隐患描述", "隐患等级", "整改措施",
                "整改资金（万元）", "整改时限", "整改进度");

        String[][] hospitalBuildings = {{"门诊楼", "1998", "地上5层，地下1层", "8200.5"}, {"后勤楼", "1985", "地上3层", "1200"}};
        String[][] hospitalHazards = {{"后勤楼", "二层外墙开裂", "12.5"}, {"门诊楼", "消防通道堆放杂物", "0.3"}};
        String[][] tcmBuildings = {{"综合楼", "2006", "地上7层，地下1层", "15000.25"}};
        String[][] tcmHazards = {{"综合楼", "屋面渗漏", "4.75"}};

        for (String unit : List.of("rmyy", "zyy")) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, false);
        }
        String[][] wrong = {{"住院楼", "楼梯扶手松动", "1"}};
        assertThatThrownBy(() -> driver.handIn(id, "rmyy", report(hospitalBuildings, wrong), List.of()))
                .hasMessageContaining("附件2“房屋建筑安全隐患排查整治台账”：第 1 行“建筑名称”“住院楼”不在附件1“医疗机构房屋建筑基本情况清单”的“建筑名称”中");
        driver.handIn(id, "rmyy", report(hospitalBuildings, hospitalHazards), List.of());
        driver.handIn(id, "zyy", report(tcmBuildings, tcmHazards), List.of());
        var version = reports.versions(id, "rmyy").get(0);
        assertThat(version.values().get("buildings:_total.area")).isEqualByComparingTo("9400.50");
        assertThat(version.values().get("hazards:_total.funds")).isEqualByComparingTo("12.80");
        assertThat(version.texts()).containsEntry("hazards:1.building", "后勤楼");
        driver.review(id, "rmyy", true, null, null);
        driver.review(id, "zyy", true, null, null);

        // the county's figures, worked out apart from duban's
        BigDecimal area = new BigDecimal("8200.5").add(new BigDecimal("1200")).add(new BigDecimal("15000.25"));
        BigDecimal funds = new BigDecimal("12.5").add(new BigDecimal("0.3")).add(new BigDecimal("4.75"));
        CountySummary s = summaries.summarize(id);
        assertThat(s.totals()).extracting(CountySummary.Total::name).containsExactly("建筑面积", "整改资金");
        assertThat(s.totals()).filteredOn(t -> t.name().equals("建筑面积")).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualByComparingTo(area));
        assertThat(s.totals()).filteredOn(t -> t.name().equals("整改资金")).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualByComparingTo(funds));
        assertThat(s.sheets()).extracting(CountySummary.Sheet::title).containsExactly("医疗机构房屋建筑基本情况清单", "房屋建筑安全隐患排查整治台账");
        TableGrid ledger = s.sheets().get(1).table();
        assertThat(ledger.rows()).extracting(TableGrid.GridRow::unit).containsExactly("沂源县人民医院", "沂源县人民医院", "沂源县中医医院");
        assertThat(ledger.rows()).extracting(r -> r.cells().get("building")).containsExactly("后勤楼", "门诊楼", "综合楼");
        assertThat(ledger.total().cells().get("funds")).isEqualTo(funds.setScale(2));
        assertThat(s.sheets().get(0).table().total().cells().get("area")).isEqualTo(area.setScale(2));

        DataFormatter f = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            assertThat(wb.getSheet("附件1 汇总表")).isNotNull();
            Sheet hazards = wb.getSheet("附件2 汇总表");
            assertThat(f.formatCellValue(hazards.getRow(0).getCell(0))).isEqualTo("房屋建筑安全隐患排查整治台账");
            List<String> header = new ArrayList<>();
            hazards.getRow(3).forEach(c -> header.add(f.formatCellValue(c)));
            assertThat(header).containsExactly("序号", "填报单位", "建筑名称", "隐患描述", "隐患等级", "整改措施", "整改资金（万元）",
                    "整改时限", "整改进度");
            var total = hazards.getRow(4 + 3);
            assertThat(f.formatCellValue(total.getCell(0))).isEqualTo("合计");
            assertThat(new BigDecimal(String.valueOf(total.getCell(6).getNumericCellValue()))).isEqualByComparingTo(funds);
            List<String> detail = new ArrayList<>();
            wb.getSheet("各单位明细").getRow(0).forEach(c -> detail.add(f.formatCellValue(c)));
            assertThat(detail).contains("建筑面积（平方米）合计", "整改资金（万元）合计");
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.unitWorkbook(id, "rmyy")))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("附件1 医疗机构房屋建筑基本情况清单");
            Sheet ledger1 = wb.getSheetAt(1);
            assertThat(ledger1.getSheetName()).isEqualTo("附件2 房屋建筑安全隐患排查整治台账");
            assertThat(f.formatCellValue(ledger1.getRow(4).getCell(1))).isEqualTo("后勤楼");
            assertThat(ledger1.getRow(6).getCell(5).getNumericCellValue()).isEqualTo(12.8);
            assertThat(f.formatCellValue(ledger1.getRow(ledger1.getLastRowNum()).getCell(0))).startsWith("单位负责人：王建国");
        }
        // the blank forms to fill offline: each form a sheet, ten numbered rows to write in, nothing filled
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.blankWorkbook(id, "rmyy")))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Sheet blank = wb.getSheet("附件2 房屋建筑安全隐患排查整治台账");
            assertThat(f.formatCellValue(blank.getRow(4).getCell(0))).isEqualTo("1");
            assertThat(f.formatCellValue(blank.getRow(4).getCell(1))).isEmpty();
            assertThat(f.formatCellValue(blank.getRow(13).getCell(0))).isEqualTo("10");
            assertThat(f.formatCellValue(blank.getRow(14).getCell(0))).isEqualTo("合计");
            assertThat(f.formatCellValue(blank.getRow(14).getCell(5))).isEmpty();
        }
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + id + "/units/rmyy/blank.xlsx", byte[].class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("zyy-reporter", "test").getForEntity("/api/campaigns/" + id + "/units/rmyy/blank.xlsx", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
