package cn.duban.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.process.CampaignProcess;
import cn.duban.campaign.CampaignTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The exports read back with POI: every total cell against the submitted figures, the zip against the uploads. */
@EngineTest
class ExportIT {

    @Autowired Driver driver;
    @Autowired ExportService exports;
    @Autowired cn.duban.campaign.CampaignService campaigns;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCountySummaryUnitTablesAndUpwardPackageCarryTheApprovedFigures() throws Exception {
        driver.sectionPeople();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [dlz, yzz, sqz]");
        String id = driver.issue(driver.startCampaign(t.code(), today.plusDays(3).toString()));
        Map<String, Map<String, String>> figures = Map.of(
                "dlz", Driver.seed000Figures("4"), "yzz", Driver.seed000Figures("7"));
        figures.get("dlz").put("7", "1.25");
        figures.get("yzz").put("7", "0.5");
        for (String unit : List.of("dlz", "yzz")) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, true);
            driver.handIn(id, unit, figures.get(unit), List.of());
            driver.review(id, unit, true, null, null);
        }
        // sqz never reports; the section closes after the deadline
        // two days after the deadline (which moves to the next working day when it falls on a day off)
        LocalDate closedOn = campaigns.get(id).deadline().plusDays(2);
        ClockUtil.setCurrentTime(Date.from(closedOn.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        driver.runJobs();
        driver.submit("drafter1", driver.task(id, CampaignProcess.MONITOR_REPORTS), Map.of());
        driver.runJobs();

        byte[] summary = exports.summaryWorkbook(id);
        // downloads are named after the notice (and the unit), not after codes
        assertThat(exports.fileName(id, "全县汇总表", null, "xlsx")).isEqualTo("2024年“3·15”国际消费者权益日活动方案-全县汇总表.xlsx");
        assertThat(exports.fileName(id, "统计表", "dlz", "xlsx")).isEqualTo("2024年“3·15”国际消费者权益日活动方案-统计表-沂源县东里镇中心卫生院.xlsx");
        // kept under target/ for a look in LibreOffice or Excel (docs/benchmarks.md, "exports")
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/exports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/exports/summary.xlsx"), summary);
        java.nio.file.Files.write(java.nio.file.Path.of("target/exports/unit-dlz.xlsx"), exports.unitWorkbook(id, "dlz"));
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(summary))) {
            Sheet s = wb.getSheet("汇总表");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2024年“3·15”活动情况统计表");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).as("the sheet states what it covers")
                    .startsWith("汇总范围：已审核通过 2 个单位 / 应报 ").contains("未通过的单位不计入合计");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("填报单位：沂源县卫生健康局");
            assertThat(s.getRow(2).getCell(2).getStringCellValue()).startsWith("填报日期：" + closedOn.getYear() + "年");
            assertThat(List.of(0, 1, 2, 3)).extracting(i -> s.getRow(3).getCell(i).getStringCellValue())
                    .containsExactly("序号", "类别", "单位", "数量");
            for (int i = 0; i < 11; i++) {
                var row = s.getRow(4 + i);
                String code = String.valueOf(i + 1);
                BigDecimal expected = new BigDecimal(figures.get("dlz").get(code)).add(new BigDecimal(figures.get("yzz").get(code)));
                assertThat((int) row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(t.indicators().get(i).name());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(t.indicators().get(i).unit());
                assertThat(BigDecimal.valueOf(row.getCell(3).getNumericCellValue())).as(code).isEqualByComparingTo(expected);
                assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo(i == 6 ? "0.00" : "0");
            }
            Sheet units = wb.getSheet("各单位明细");
            assertThat(units.getLastRowNum()).isEqualTo(3);
            assertThat(units.getRow(0).getCell(12).getStringCellValue()).isEqualTo("为消费者挽回经济损失（万元）");
            Sheet missing = wb.getSheet("未报送及逾期");
            assertThat(missing.getRow(1).getCell(0).getStringCellValue()).isEqualTo("沂源县石桥镇卫生院");
            assertThat(missing.getRow(1).getCell(1).getStringCellValue()).isEqualTo("未报送");
            // every sheet prints on A4, one page wide (the wide per-unit sheet across the page), its headings on every page
            for (Sheet sheet : wb) {
                assertThat(sheet.getPrintSetup().getPaperSize()).as(sheet.getSheetName()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName()).isZero();
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
            }
            assertThat(s.getPrintSetup().getLandscape()).as("the 汇总表's four columns upright").isFalse();
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("1:4");
            assertThat(units.getPrintSetup().getLandscape()).as("17 columns across the page").isTrue();
            assertThat(units.getRepeatingRows().formatAsString()).isEqualTo("1:1");
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.unitWorkbook(id, "dlz")))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("填报单位：沂源县东里镇中心卫生院");
            assertThat(s.getRow(4 + 6).getCell(3).getNumericCellValue()).isEqualTo(1.25);
            // under the table, as the blank form asks (issue 28 §8): the head, who filled it in, how to reach them
            String footer = s.getRow(s.getLastRowNum()).getCell(0).getStringCellValue();
            assertThat(footer).isEqualTo("单位负责人：卢宝山　　填表人：丁宁　　联系方式：dlz@demo.duban.local");
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrder(
                "2024年“3·15”活动情况统计表（汇总）.xlsx",
                "沂源县东里镇中心卫生院/统计表.xlsx", "沂源县东里镇中心卫生院/活动总结.pdf", "沂源县东里镇中心卫生院/图片/现场.png",
                "沂源县东里镇中心卫生院/报送内容.txt",
                "沂源县悦庄镇卫生院/统计表.xlsx", "沂源县悦庄镇卫生院/活动总结.pdf", "沂源县悦庄镇卫生院/图片/现场.png",
                "沂源县悦庄镇卫生院/报送内容.txt");
        // what each unit wrote in its form goes up with its files (issue 28 §6)
        assertThat(new String(entries.get("沂源县东里镇中心卫生院/报送内容.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFF报送内容").contains("活动总结：\r\ndlz 开展活动总结");
        assertThat(entries.get("沂源县悦庄镇卫生院/图片/现场.png")).isEqualTo(Driver.PNG);
        assertThat(entries.get("沂源县东里镇中心卫生院/活动总结.pdf")).isEqualTo(Driver.PDF);
    }
}
