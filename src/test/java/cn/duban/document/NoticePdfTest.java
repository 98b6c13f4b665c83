package cn.duban.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The notice as a PDF, read back with PDFBox: A4 pages, the parts in their order, every character there (none lost
 * for a font that lacks it), the attachment's table on a page of its own, the page numbers, and only fonts duban
 * ships, embedded.
 */
class NoticePdfTest {

    static byte[] pdf(NoticeDocument d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NoticePdf.write(d, out);
        Files.createDirectories(Path.of("target/documents"));
        Files.write(Path.of("target/documents/notice-seed000.pdf"), out.toByteArray());
        return out.toByteArray();
    }

    @Test
    void theNoticeIsLaidOutOnA4WithItsPartsInOrderAndTheAttachmentOnItsOwnPage() throws Exception {
        NoticeDocument d = NoticeDocumentTest.seed000(LocalDate.of(2024, 3, 22));
        try (PDDocument doc = Loader.loadPDF(pdf(d))) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            }
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            List<String> parts = List.of("沂源县卫生健康局文件", "沂卫字〔2024〕12号", d.title().replaceAll("\\s+", ""), "各医疗卫生单位：",
                    "一、指导思想", "二、主要活动", "（一）紧扣消费维权年主题", "2.开展“3·15”消费维权宣传咨询服务日活动。", "三、活动要求",
                    "请于3月22日前", "附件：", "2024年3月6日", "印发");
            int at = -1;
            for (String part : parts) {
                int next = all.indexOf(part, at + 1);
                assertThat(next).as("“%s” after the part before it", part).isGreaterThan(at);
                at = next;
            }
            assertThat(all).doesNotContain("#").doesNotContain("\uFFFD");
            // the last page is the attachment: 附件, its title, the table's rows, who filled it in
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            String attachment = last.getText(doc).replaceAll("\\s+", "");
            CampaignTemplate t = NoticeDocumentTest.seed("yiyuan-health-2024-315");
            assertThat(attachment).contains("附件" + t.statisticsTitle().replaceAll("\\s+", "")).contains("填报单位（盖章）")
                    .contains("单位负责人").contains(t.indicators().get(0).name());
            // 版记 after the attachment, at the foot of the last page (GB/T 9704-2012), on no other page
            assertThat(attachment).endsWith("沂源县卫生健康局　　　　2024年3月6日印发");
            for (int page = 1; page < doc.getNumberOfPages(); page++) {
                PDFTextStripper earlier = new PDFTextStripper();
                earlier.setStartPage(page);
                earlier.setEndPage(page);
                assertThat(earlier.getText(doc)).as("page %d", page).doesNotContain("2024年3月6日印发");
            }
            float[] imprintAt = {0};
            float[] signedBelowAt = {0};
            PDFTextStripper where = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws java.io.IOException {
                    if (text.contains("印发")) {
                        imprintAt[0] = positions.get(0).getYDirAdj();
                    }
                    if (text.contains("单位负责人")) {
                        signedBelowAt[0] = positions.get(0).getYDirAdj();
                    }
                }
            };
            where.setStartPage(doc.getNumberOfPages());
            where.setEndPage(doc.getNumberOfPages());
            where.getText(doc);
            // the type area ends 35 mm (99 pt) above the foot of the page: the 版记 is its last line
            assertThat(imprintAt[0]).as("the 版记's line, from the top of the page").isGreaterThan(841.9f - 99 - 60).isLessThan(841.9f - 99 + 5)
                    .isGreaterThan(signedBelowAt[0]);
            // page numbers: — 1 — on the first page
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            assertThat(first.getText(doc)).contains("— 1 —");
            // only the fonts duban ships (AR PL SungtiL GB is BousungEG-Light-GB inside, AR PL KaitiM GB is GBZenKai-Medium), embedded
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).containsAnyOf("BousungEG-Light-GB", "GBZenKai-Medium", "DroidSansFallback");
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.contains("GBZenKai")).anyMatch(n -> n.contains("DroidSans"));
        }
    }

    /** A control character pasted from Word into the body does not cost the notice its PDF (nor its Word file). */
    @Test
    void aControlCharacterInTheTextIsLeftOut() throws Exception {
        NoticeDocument d = NoticeDocumentTest.seed000(LocalDate.of(2024, 3, 22));
        var body = new ArrayList<>(d.body());
        body.add(new NoticeDocument.Paragraph(0, "", "请各单位\u000B按时报送\u0000。"));
        NoticeDocument pasted = new NoticeDocument(d.issuerMark(), d.number(), d.title(), d.addressee(), body, d.roster(),
                d.attachments(), d.signature(), d.date(), d.tables());
        try (PDDocument doc = Loader.loadPDF(pdf(pasted))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("请各单位按时报送。");
        }
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        NoticeDocx.write(pasted, docx);
        try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.toByteArray()))) {
            assertThat(word.getParagraphs()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("请各单位按时报送。"));
        }
    }
}
