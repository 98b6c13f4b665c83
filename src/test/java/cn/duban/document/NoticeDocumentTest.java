package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.DocumentNumber;
import cn.duban.campaign.TemplateParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The notice as a document, read back as Word reads it (POI's XWPF): the parts in order, the body from the fields. */
class NoticeDocumentTest {

    static CampaignTemplate seed(String code) throws Exception {
        return TemplateParser.parse(new ClassPathResource("campaigns/" + code + ".yaml").getContentAsString(StandardCharsets.UTF_8));
    }

    static NoticeDocument seed000(LocalDate deadline) throws Exception {
        CampaignTemplate t = seed("yiyuan-health-2024-315");
        return NoticeDocument.of(t, t.title(), "沂卫字〔2024〕12号", deadline, LocalDate.of(2024, 3, 6),
                s -> java.util.stream.Stream.concat(s.types().stream().map(x -> "各" + TYPES.getOrDefault(x, x)),
                        s.units().stream().map(u -> NAMES.getOrDefault(u, u))).toList());
    }

    /** The registry's words for seed 000's units and types, as NoticeDocuments reads them. */
    static final java.util.Map<String, String> NAMES = java.util.Map.of("jkzx", "沂源县疾病预防控制中心", "jdzfdd", "沂源县卫生健康监督执法大队");
    static final java.util.Map<String, String> TYPES = java.util.Map.of("hospital", "县级医院", "mch", "妇幼保健院", "cdc", "疾病预防控制中心",
            "enforcement", "卫生健康监督执法机构", "specialist", "专科医疗机构", "township", "镇（街道）卫生院");


    @Test
    void theItemsStandWhereTheBodyLeavesTheirPlaceAndTheBodySaysTheCampaignsDeadline() throws Exception {
        NoticeDocument d = seed000(LocalDate.of(2024, 3, 25));
        assertThat(d.addressee()).isEqualTo("各医疗卫生单位：");
        List<String> level1 = d.body().stream().filter(p -> p.level() == 1).map(NoticeDocument.Paragraph::whole).toList();
        assertThat(level1).containsExactly("一、指导思想", "二、主要活动", "三、活动要求");
        assertThat(d.body()).anySatisfy(p -> {
            assertThat(p.level()).isEqualTo(2);
            assertThat(p.heading()).isEqualTo("（一）紧扣消费维权年主题，培育宣传引导新模式");
        });
        assertThat(d.body()).anySatisfy(p -> {
            assertThat(p.heading()).isEqualTo("2. 开展“3·15”消费维权宣传咨询服务日活动。");
            assertThat(p.text()).contains("（时间：3月15日）");
            // an item for some units only says which (issue 30 §2: the document listed it for everyone)
            assertThat(p.text()).contains("（适用单位：");
        });
        assertThat(d.body()).anySatisfy(p -> {
            assertThat(p.heading()).isEqualTo("3. 开展重点领域消费教育工作。");
            assertThat(p.text()).doesNotContain("适用单位");
        });
        // the drafter moved the deadline from 3月22日 to 3月25日: the body says so
        List<String> whole = d.body().stream().map(NoticeDocument.Paragraph::whole).toList();
        assertThat(whole).anySatisfy(s -> assertThat(s).contains("请于3月25日前"));
        assertThat(whole).noneSatisfy(s -> assertThat(s).contains("3月22日"));
        assertThat(d.attachments()).containsExactly(seed("yiyuan-health-2024-315").statisticsTitle());
        assertThat(d.table().rows()).hasSize(seed("yiyuan-health-2024-315").indicators().size());
        // whom to ask, as every real notice says (issue 28 §8): the template's contact, last in the body
        assertThat(d.body().get(d.body().size() - 1).whole())
                .isEqualTo("联系人：杨磊，联系电话：3232576，邮箱：yywjjzhjdk@zb.shandong.cn。");
        // a heading that runs on into its text keeps its words: the heading part ends at its 。
        assertThat(d.body()).anySatisfy(p -> {
            assertThat(p.heading()).isEqualTo("（一）提高政治站位，强化组织领导。");
            assertThat(p.text()).startsWith("各单位要提高政治站位");
        });
    }

    @Test
    void seed001NamesTheLeadAndCooperatingUnitsAndCarriesItsDutyRoster() throws Exception {
        CampaignTemplate t = seed("xx-market-2023-315");
        NoticeDocument d = NoticeDocument.of(t, t.title(), null, LocalDate.of(2023, 3, 20), LocalDate.of(2023, 3, 1),
                s -> List.of("甲单位", "乙单位"));
        assertThat(d.body()).anySatisfy(p -> assertThat(p.text()).contains("（牵头单位：甲单位、乙单位；配合单位：甲单位、乙单位）"));
        assertThat(d.roster()).isNotEmpty();
        assertThat(d.number()).isEmpty();
    }

    @Test
    void theWordFileHasThePartsInOrderTheNumberAndTheAttachmentsTable() throws Exception {
        NoticeDocument d = seed000(LocalDate.of(2024, 3, 22));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticeDocx.write(d, out);
        // kept for a look in Word or LibreOffice (docs/screenshots shows it)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/notice-seed000.docx"), out.toByteArray());
        CampaignTemplate t = seed("yiyuan-health-2024-315");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(s -> !s.isBlank()).toList();
            assertThat(texts.get(0)).isEqualTo("沂源县卫生健康局文件");
            assertThat(texts.get(1)).isEqualTo("沂卫字〔2024〕12号").matches(".+〔\\d{4}〕\\d+号");
            assertThat(texts.get(2)).isEqualTo("关于印发2024年“3·15”国际消费者权益日活动方案的通知");
            assertThat(texts.get(3)).isEqualTo("各医疗卫生单位：");
            int attachmentNote = texts.indexOf("附件：" + t.statisticsTitle());
            int signature = texts.lastIndexOf("沂源县卫生健康局");
            int date = texts.indexOf("2024年3月6日");
            int attachment = texts.indexOf("附件");
            assertThat(attachmentNote).isPositive().isLessThan(signature);
            assertThat(date).isEqualTo(signature + 1);
            assertThat(attachment).isGreaterThan(date);
            assertThat(texts).contains(t.statisticsTitle(), "单位负责人：　　　　　　填表人：　　　　　　联系电话：");
            // 版记 last, after the attachment, framed to the foot of the last page's type area (GB/T 9704-2012)
            assertThat(texts.get(texts.size() - 1)).isEqualTo("沂源县卫生健康局　　　　2024年3月6日印发");
            var frame = doc.getParagraphs().get(doc.getParagraphs().size() - 1).getCTP().getPPr().getFramePr();
            assertThat(frame).isNotNull();
            assertThat(frame.getYAlign()).isEqualTo(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign.BOTTOM);
            assertThat(frame.getVAnchor()).isEqualTo(org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor.MARGIN);
            var last = doc.getBodyElements().get(doc.getBodyElements().size() - 1);
            assertThat(last).isInstanceOf(XWPFParagraph.class);
            assertThat(doc.getBodyElements().indexOf(doc.getTables().get(doc.getTables().size() - 1)))
                    .isLessThan(doc.getBodyElements().indexOf(last));
            // the red 发文机关标志, the body in 3号仿宋 with its first line indented two characters
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("现将")).findFirst().orElseThrow();
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(body.getIndentationFirstLine()).isEqualTo(640);
            // the attachment's table: a heading row and the template's rows
            XWPFTable table = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText()).containsExactly("序号", "类别", "单位", "数量");
            assertThat(table.getRows()).hasSize(1 + t.indicators().size());
            assertThat(table.getRow(1).getCell(1).getText()).startsWith(t.indicators().get(0).name());
            // A4, GB/T 9704 margins: 37 mm top, 28 mm left; a footer with the page number
            var mar = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(((java.math.BigInteger) mar.getTop()).intValue()).isEqualTo(2098);
            assertThat(((java.math.BigInteger) mar.getLeft()).intValue()).isEqualTo(1587);
            assertThat(doc.getFooterList()).isNotEmpty();
        }
    }

    @Test
    void aTableWithColumnsIsTheAttachmentWithItsColumnsAndTotalRow() throws Exception {
        CampaignTemplate t = seed("county-vector-control-spring");
        NoticeDocument d = NoticeDocument.of(t, t.title(), "沂卫字〔2026〕3号", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 3, 10),
                s -> List.of("县疾控中心"));
        assertThat(d.table().headings()).startsWith("序号", "乡镇（街道）卫生院", "投药面积（万平方米）").endsWith("备注");
        assertThat(d.table().totalRow()).isTrue();
        String html = NoticeHtml.render(d);
        assertThat(html).contains("沂卫字〔2026〕3号").contains("<h1>关于开展春季病媒生物防制集中行动的通知</h1>").contains("合计")
                .contains("2026年3月10日").doesNotContain("<script");
    }

    /** Issue #28 §9: rows the units add are numbered in 序号 alone; the blank form has no second (事项) column for them. */
    @Test
    void aTableWithAddedRowsNumbersThemInItsOwnColumnOnly() throws Exception {
        CampaignTemplate added = TemplateParser.parse(new ClassPathResource("campaigns/county-vector-control-spring.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replace("  rowHeading: 乡镇（街道）卫生院\n", "")
                .replaceFirst("(?m)^    subUnits: true$", "    added: {min: 1, max: 10}"));
        assertThat(added.table().rowsAdded()).isTrue();
        NoticeDocument d = NoticeDocument.of(added, added.title(), "沂卫字〔2026〕3号", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 3, 10),
                s -> List.of("县疾控中心"));
        assertThat(d.table().headings()).startsWith("序号", "投药面积（万平方米）").doesNotContain("事项", "乡镇（街道）卫生院");
        assertThat(d.table().rows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(d.table().headings()));
    }

    @Test
    void numbersAreWrittenTheStandardWay() {
        assertThat(DocumentNumber.parse("沂卫字[2026]012号")).hasValueSatisfying(n -> assertThat(n.toString()).isEqualTo("沂卫字〔2026〕12号"));
        assertThat(DocumentNumber.parse("沂卫字（2026）3号").orElseThrow().next().toString()).isEqualTo("沂卫字〔2026〕4号");
        assertThat(DocumentNumber.parse("第12号")).isEmpty();
        assertThat(DocumentNumber.parse("沂卫字〔26〕1号")).isEmpty();
        assertThat(NoticeDocument.numeral(12)).isEqualTo("十二");
        assertThat(NoticeDocument.number("十二")).isEqualTo(12);
        assertThat(NoticeDocument.number("二十")).isEqualTo(20);
    }
}
