package cn.duban.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateParser;
import cn.duban.support.FileNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A template at its limits (issue #14, items 6 and 7): the longest title, issuer and table title the door lets in
 * — the table title a path that climbs out of any folder — go through distribution (mail subjects), hand-in, review
 * and every export, with no incident and no file or zip entry outside its place.
 */
@EngineTest
class MaxTemplateIT {

    @Autowired Driver driver;
    @Autowired ExportService exports;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    @Test
    void aTemplateAtEveryLimitRunsThroughTheWholeCampaignAndEveryExport() throws Exception {
        driver.sectionPeople();
        String title = pad("关于开展长标题测试的通知", TemplateParser.MAX_TITLE);
        String issuer = pad("沂源县卫生健康局", TemplateParser.MAX_NAME);
        String tableTitle = pad("../../../../tmp/duban-zip-slip-", TemplateParser.MAX_TITLE);
        String yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?m)^title: .*$", "title: \"" + title + "\"")
                .replaceFirst("(?m)^issuer: .*$", "issuer: \"" + issuer + "\"")
                .replaceFirst("(?m)^tableTitle: .*$", "tableTitle: \"" + tableTitle + "\"");
        Path resource = Files.createTempFile("max-template", ".yaml");
        Files.writeString(resource, yaml);
        CampaignTemplate t = driver.uploadVariant(resource, "  units: [dlz]");
        assertThat(t.title()).hasSize(TemplateParser.MAX_TITLE);

        long incidents = runtime.createIncidentQuery().count();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String id = driver.issue(driver.startCampaign(t.code(), today.plusDays(3).toString()));
        assertThat(runtime.createIncidentQuery().count()).as("no new incident").isEqualTo(incidents);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_outbox WHERE subject LIKE ?").param("%长标题测试%").query(Integer.class).single())
                .as("the notice mail went out with its long title").isPositive();
        driver.sign(id, "dlz");
        driver.stage(id, "dlz", true, true);
        driver.handIn(id, "dlz", Driver.seed000Figures("1"), List.of());
        driver.review(id, "dlz", true, null, null);
        assertThat(runtime.createIncidentQuery().count()).isEqualTo(incidents);

        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exports.summaryWorkbook(id)))) {
            assertThat(wb.getSheet("汇总表").getRow(0).getCell(0).getStringCellValue()).isEqualTo(tableTitle);
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exports.unitWorkbook(id, "dlz")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(tableTitle);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(5).allSatisfy(n -> {
            assertThat(n).doesNotStartWith("/").doesNotContain("\\");
            for (String part : n.split("/")) {
                assertThat(part).isNotIn("", ".", "..").doesNotStartWith(".");
                assertThat(part.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
            }
        });
        assertThat(names.get(0)).as("the table title is one file name, its slashes made visible").contains("／tmp／duban-zip-slip-")
                .endsWith(".xlsx").doesNotContain("/");
    }

    /**
     * A notice of as many activity items as the template language allows (200, each its own （一） without a group) is
     * drafted, reviewed, signed off and issued, and every unit can open it as the preview, the Word file and the PDF
     * (issue 27 item 10: from the 110th item on its numeral was out of range, all three answered 500, yet it was
     * issued).
     */
    @Test
    void aNoticeOfTwoHundredItemsIsIssuedAndOpensAsPreviewWordAndPdf() throws Exception {
        driver.sectionPeople();
        StringBuilder items = new StringBuilder("items:\n");
        for (int i = 1; i <= TemplateParser.MAX_ROWS; i++) {
            items.append("  - code: \"").append(i).append("\"\n    title: 第").append(i).append("项活动\n    text: 按方案开展。\n");
        }
        String yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?ms)^items:\\n.*?(?=^tableTitle:)", java.util.regex.Matcher.quoteReplacement(items.toString()));
        Path resource = Files.createTempFile("two-hundred-items", ".yaml");
        Files.writeString(resource, yaml);
        CampaignTemplate t = driver.uploadVariant(resource, "  units: [dlz]");
        assertThat(t.items()).hasSize(TemplateParser.MAX_ROWS);

        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString()));
        driver.sign(id, "dlz");
        assertThat(notices.html(id)).contains("（一百一十）第110项活动。").contains("（二百）第200项活动。");
        assertThat(notices.docx(id)).isNotEmpty();
        assertThat(notices.pdf(id)).isNotEmpty();
    }

    @Autowired cn.duban.document.NoticeDocuments notices;

    /** The text, repeated to exactly {@code length} characters. */
    static String pad(String text, int length) {
        StringBuilder b = new StringBuilder(text);
        while (b.length() < length) {
            b.append('字');
        }
        return b.substring(0, length);
    }
}
