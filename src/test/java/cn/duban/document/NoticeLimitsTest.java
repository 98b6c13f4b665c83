package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.CampaignTemplate.ActivityItem;
import cn.duban.campaign.CampaignTemplate.DutyEntry;
import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.campaign.TemplateParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/**
 * Every notice the template language accepts renders (issue 27 item 10): its headings 一、（一）1.（1） are numbered as
 * far as the language lets a notice go (200 items, each its own （一） when it has no group), and a notice at every
 * limit of the language comes out as the preview (HTML), the Word file and the PDF. Before, the 110th item's numeral
 * was out of range and all three answered 500.
 */
class NoticeLimitsTest {

    @Test
    void numeralsAreWrittenAsAnOfficialDocumentWritesThem() {
        assertThat(NoticeDocument.numeral(1)).isEqualTo("一");
        assertThat(NoticeDocument.numeral(10)).isEqualTo("十");
        assertThat(NoticeDocument.numeral(19)).isEqualTo("十九");
        assertThat(NoticeDocument.numeral(20)).isEqualTo("二十");
        assertThat(NoticeDocument.numeral(99)).isEqualTo("九十九");
        assertThat(NoticeDocument.numeral(100)).isEqualTo("一百");
        assertThat(NoticeDocument.numeral(101)).isEqualTo("一百零一");
        assertThat(NoticeDocument.numeral(110)).isEqualTo("一百一十");
        assertThat(NoticeDocument.numeral(119)).isEqualTo("一百一十九");
        assertThat(NoticeDocument.numeral(200)).isEqualTo("二百");
        assertThat(NoticeDocument.numeral(205)).isEqualTo("二百零五");
        assertThat(NoticeDocument.numeral(999)).isEqualTo("九百九十九");
        assertThat(NoticeDocument.numeral(1000)).isEqualTo("一千");
        assertThat(NoticeDocument.numeral(1010)).isEqualTo("一千零一十");
        assertThat(NoticeDocument.numeral(1100)).isEqualTo("一千一百");
        for (int n = 1; n <= 9999; n++) {
            assertThat(NoticeDocument.number(NoticeDocument.numeral(n))).as("%d", n).isEqualTo(n);
        }
        // a body's own headings are read back as far as they are written
        assertThat(NoticeDocument.paragraph("一百一十、其他要求").level()).isEqualTo(1);
        assertThat(NoticeDocument.paragraph("（一百零一）再一项").level()).isEqualTo(2);
        assertThat(NoticeDocument.paragraph("120.第一百二十条").level()).isEqualTo(3);
        assertThat(NoticeDocument.paragraph("（150）分项").level()).isEqualTo(4);
    }

    @Test
    void aNoticeOfTwoHundredItemsRendersAsPreviewWordAndPdf() throws Exception {
        List<ActivityItem> items = new ArrayList<>();
        for (int i = 1; i <= TemplateParser.MAX_ROWS; i++) {
            items.add(new ActivityItem(String.valueOf(i), null, "第" + i + "项活动", "活动内容" + i, null, null, null, null));
        }
        NoticeDocument d = document(template("各单位：\n一、总体要求\n请认真组织。\n三、工作要求\n请按时报送。", items, List.of(), List.of(),
                "关于开展二百项活动的通知", "沂源县卫生健康局"));
        List<String> headings = d.body().stream().filter(p -> p.level() == 2).map(NoticeDocument.Paragraph::heading).toList();
        assertThat(headings).hasSize(200).contains("（一百一十）第110项活动。").endsWith("（二百）第200项活动。");
        assertThat(d.body()).anySatisfy(p -> assertThat(p.whole()).isEqualTo("二、主要活动"));

        String html = NoticeHtml.render(d);
        assertThat(html).contains("（一百一十）第110项活动。").contains("（二百）第200项活动。");
        assertThat(docxText(d)).contains("（一百一十）第110项活动。").contains("（二百）第200项活动。");
        assertThat(pdfText(d)).contains("（一百一十）第110项活动。").contains("（二百）第200项活动。");
    }

    @Test
    void aNoticeAtEveryLimitOfTheTemplateLanguageRenders() throws Exception {
        String title = pad("关于开展长标题测试的通知", TemplateParser.MAX_TITLE);
        String issuer = pad("沂源县卫生健康局", TemplateParser.MAX_NAME);
        List<ActivityItem> items = new ArrayList<>();
        UnitSelector all = new UnitSelector(true, null, null, null);
        for (int i = 1; i <= TemplateParser.MAX_ROWS; i++) {
            // the first half in one group (numbered 1. to 100.), the rest each its own （一）
            String group = i <= 100 ? pad("（一）分组", TemplateParser.MAX_NAME) : null;
            items.add(new ActivityItem(String.valueOf(i), group, pad("活动" + i, TemplateParser.MAX_TITLE),
                    pad("内容" + i, 500), pad("3月" + (i % 28 + 1) + "日", TemplateParser.MAX_DATES), null, all, all));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 1; i <= TemplateParser.MAX_ROWS; i++) {
            indicators.add(new Indicator("i" + i, pad("指标" + i, TemplateParser.MAX_NAME), pad("件", TemplateParser.MAX_UNIT_OF_MEASURE),
                    CampaignTemplate.IndicatorType.INTEGER, null, null, null));
        }
        List<DutyEntry> roster = new ArrayList<>();
        for (int i = 1; i <= TemplateParser.MAX_ROWS; i++) {
            roster.add(new DutyEntry(pad("3月" + i, TemplateParser.MAX_DATES), pad("值班" + i, 200), all, all));
        }
        StringBuilder body = new StringBuilder("各单位：\n");
        for (int i = 1; body.length() < TemplateParser.MAX_NOTICE_TEXT - 2_000; i++) {
            body.append(i == 2 ? "" : NoticeDocument.numeral(i) + "、第" + i + "部分\n").append(pad("正文", 900)).append('\n');
        }
        String text = body.substring(0, Math.min(body.length(), TemplateParser.MAX_NOTICE_TEXT));
        CampaignTemplate t = template(text, items, indicators, roster, title, issuer);
        // the language accepts it: uploaded as a template file (JSON is YAML), it parses as it is
        String source = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(t);
        assertThat(source.length()).isLessThanOrEqualTo(TemplateParser.MAX_SOURCE_CHARS);
        NoticeDocument d = document(TemplateParser.parse(source));
        assertThat(d.body()).anySatisfy(p -> assertThat(p.whole()).isEqualTo("二、主要活动"));

        assertThat(NoticeHtml.render(d)).contains("（一百）" + pad("活动200", TemplateParser.MAX_TITLE));
        assertThat(docxText(d)).contains("100. " + pad("活动100", TemplateParser.MAX_TITLE));
        assertThat(pdfText(d)).contains(("（一百）" + pad("活动200", TemplateParser.MAX_TITLE)).replaceAll("\\s+", ""));
    }

    @Test
    void aNoticeThatCannotBeRenderedIsRefusedInChineseAtDraftingReviewAndSignOff() {
        // the safety net behind every limit: whatever breaks the rendering (here the numeral that broke it before)
        java.util.function.Supplier<NoticeDocument> broken = () -> {
            throw new StringIndexOutOfBoundsException("index 10, length 10");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoticeDocuments.requireRenderable(broken, NoticeDocuments.Step.DRAFT))
                .isInstanceOf(cn.duban.support.Refusal.class)
                .hasMessage("本通知无法生成正式文件（网页、Word 或 PDF），各单位将无法打开，暂不能办结；请检查通知的正文和活动项后再提交；如仍不能提交，请联系运维人员");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoticeDocuments.requireRenderable(broken, NoticeDocuments.Step.SIGNOFF))
                .hasMessageEndingWith("请选择“退回”，由拟稿人修改").hasMessageNotContaining("index");
        // a notice that renders passes
        NoticeDocuments.requireRenderable(() -> document(template("各单位：\n请按时报送。", List.of(), List.of(), List.of(), "通知", "沂源县卫生健康局")),
                NoticeDocuments.Step.REVIEW);
    }

    static CampaignTemplate template(String text, List<ActivityItem> items, List<Indicator> indicators, List<DutyEntry> roster,
                                     String title, String issuer) {
        return new CampaignTemplate("limits", title, null, issuer, "综合监督科", null, text, items,
                new UnitSelector(true, null, null, null), new CampaignTemplate.Deadline(LocalDate.of(2026, 3, 20), null, false),
                indicators, null, roster, false, null, null, null, null, null, null);
    }

    static NoticeDocument document(CampaignTemplate t) {
        return NoticeDocument.of(t, t.title(), "沂卫字〔2026〕200号", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 1),
                s -> List.of("沂源县人民医院"));
    }

    static String docxText(NoticeDocument d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeDocx.write(d, out);
        // the padding repeats one character: it compresses far better than any real text, which POI's reader takes
        // for a zip bomb (Word does not)
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.001);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            return String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        }
    }

    static String pdfText(NoticeDocument d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticePdf.write(d, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    static String pad(String text, int length) {
        StringBuilder b = new StringBuilder(text);
        while (b.length() < length) {
            b.append('字');
        }
        return b.substring(0, length);
    }
}
