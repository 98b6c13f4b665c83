package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.calendar.WorkCalendar;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 督办通报 and 督办单 read back (POI's XWPF): the counts and the late units by name, the totals so far, and a 督办单 in
 * red for a unit long overdue; the issued notice's own document names its 文号 and the campaign's deadline.
 */
@EngineTest
class CircularIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired Driver driver;
    @Autowired Circulars circulars;
    @Autowired NoticeDocuments notices;
    @Autowired WorkCalendar calendar;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCircularCountsTheUnitsNamesTheLateOnesAndEachLateUnitGetsItsOrder() throws Exception {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy, fybjy]");
        LocalDate due = calendar.onOrAfter(LocalDate.now(CHINA).plusDays(5));
        String id = driver.issue(driver.startCampaign(t.code(), due.toString()));
        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", Driver.seed000Figures("2"), List.of());
        driver.review(id, "rmyy", true, null, null);

        // the issued notice: its body says the campaign's deadline
        var notice = notices.of(id);
        assertThat(notice.body().stream().map(NoticeDocument.Paragraph::whole))
                .anySatisfy(s -> assertThat(s).contains("请于" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日前"));

        // twelve days after the due date: zyy and fybjy are long overdue
        ClockUtil.setCurrentTime(Date.from(due.plusDays(12).atTime(10, 0).atZone(CHINA).toInstant()));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(circulars.circularDocx(id)))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            // a head of its own, 简报-style: 督办通报, its issue, who issues it and the day over the red line (not "…文件")
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("督办通报");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
            assertThat(doc.getParagraphs().get(2).getText()).startsWith("沂源县卫生健康局综合监督科")
                    .endsWith(NoticeDocx.day(due.plusDays(12)));
            assertThat(text).doesNotContain("沂源县卫生健康局文件").contains("活动方案落实情况的通报").contains("各医疗卫生单位：")
                    .contains("应报 3 家，已报 1 家，已审核通过 1 家，逾期未报 2 家，尚未签收通知 2 家。")
                    .containsPattern("尚未签收通知的单位：(沂源县中医医院、沂源县妇幼保健院|沂源县妇幼保健院、沂源县中医医院)。")
                    .contains("沂源县中医医院").contains("沂源县妇幼保健院").contains("1. 普法宣传活动：2场。")
                    .doesNotContain("zyy").doesNotContain("ENGINE-");
        }
        // kept for a look (docs/screenshots shows its first page): the circular as its PDF prints it, as 第1期
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        try (var pdf = java.nio.file.Files.newOutputStream(java.nio.file.Path.of("target/documents/circular.pdf"))) {
            NoticePdf.write(circulars.circular(id, "第1期"), pdf);
        }
        var orders = circulars.orders(id);
        assertThat(orders).extracting(Circulars.Order::unitName).containsExactlyInAnyOrder("沂源县中医医院", "沂源县妇幼保健院");
        assertThat(orders).allSatisfy(o -> {
            // the colour of its row on the 督办看板; in words it says what is the matter, never its colour
            assertThat(o.colour()).isEqualTo(cn.duban.dashboard.DashboardRules.Urgency.VERY_LATE.colour());
            assertThat(o.urgencyLabel()).isEqualTo("尚未签收，严重逾期");
            assertThat(o.requirement()).startsWith("请立即签收通知并指定报送专人；已逾期 ");
        });
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(circulars.ordersDocx(id)))) {
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("C00000");
            assertThat(doc.getTables()).hasSize(2);
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isIn("沂源县中医医院", "沂源县妇幼保健院");
            String all = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(all).contains("尚未签收，严重逾期").doesNotContain("红色").doesNotContain("黄色").doesNotContain("蓝色");
        }
    }
}
