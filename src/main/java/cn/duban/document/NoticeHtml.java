package cn.duban.document;

import cn.duban.document.NoticeDocument.Paragraph;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A {@link NoticeDocument} as a page the 核稿, 签发 and 签收 forms show (in a frame): the same parts in the same order
 * as the .docx, in its fonts where the reader's computer has them. Everything written is escaped.
 */
public final class NoticeHtml {

    private NoticeHtml() {}

    static final String STYLE = """
            body { margin: 0; background: #f3f3f3; }
            .page { background: #fff; max-width: 156mm; margin: 12px auto; padding: 24px 28px 36px; box-shadow: 0 1px 4px rgba(0,0,0,.2);
                    font-family: "仿宋_GB2312", "FangSong", "STFangsong", "仿宋", serif; font-size: 16pt; line-height: 1.8; color: #000; }
            .mark { color: #d00; text-align: center; font-family: "方正小标宋简体", "STZhongsong", "SimSun", serif; font-size: 30pt;
                    letter-spacing: 2px; line-height: 1.4; }
            .number { text-align: center; border-bottom: 2px solid #d00; padding-bottom: 6px; margin-bottom: 24px; }
            .issue { text-align: center; }
            .bulletin { text-align: left; overflow: hidden; } .bulletin .on { float: right; }
            h1 { text-align: center; font-family: "方正小标宋简体", "STZhongsong", "SimSun", serif; font-size: 22pt; font-weight: normal;
                 line-height: 1.5; margin: 12px 0 24px; }
            p { margin: 0; text-indent: 2em; text-align: justify; }
            p.addressee, p.plain { text-indent: 0; }
            .l1 { font-family: "黑体", "SimHei", "Heiti SC", sans-serif; }
            .l2 { font-family: "楷体_GB2312", "KaiTi", "STKaiti", "楷体", serif; }
            .right { text-align: right; text-indent: 0; }
            .sign { padding-right: 4em; margin-top: 2em; }
            .date { padding-right: 2em; }
            .imprint-anchor { text-indent: 0; margin-top: 3em; }
            .imprint { display: block; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; text-indent: 1em; }
            table { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 8px 0; }
            th, td { border: 1px solid #000; padding: 4px 6px; text-align: center; }
            th { font-family: "黑体", "SimHei", sans-serif; font-weight: normal; }
            .attachment { page-break-before: always; border-top: 1px dashed #999; margin-top: 36px; padding-top: 24px; }
            .attachment h2 { text-align: center; font-family: "方正小标宋简体", "STZhongsong", "SimSun", serif; font-size: 18pt; font-weight: normal; }
            .small { font-size: 14pt; text-indent: 0; }
            @media (max-width: 640px) { .page { padding: 12px; font-size: 13pt; } .mark { font-size: 20pt; } h1 { font-size: 17pt; } }
            """;

    /**
     * The page as printed to PDF ({@link NoticePdf}): A4 with GB/T 9704's margins (天头 37 mm, 订口 28 mm, a type area
     * of 156 × 225 mm), 22 lines of 3号 a page, page numbers — 一 1 一 — right on odd pages and left on even ones, the
     * attachment on a page of its own; in the fonts duban ships (src/main/resources/fonts/README.md).
     */
    static final String PRINT_STYLE = """
            @page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm;
                    @bottom-right { content: "— " counter(page) " —"; font-family: "AR PL SungtiL GB"; font-size: 14pt;
                                    vertical-align: top; padding-top: 7mm; padding-right: 1em; } }
            @page :left { @bottom-right { content: none; }
                          @bottom-left { content: "— " counter(page) " —"; font-family: "AR PL SungtiL GB"; font-size: 14pt;
                                         vertical-align: top; padding-top: 7mm; padding-left: 1em; } }
            body { margin: 0; font-family: "AR PL SungtiL GB", "Droid Sans Fallback"; font-size: 16pt; line-height: 28.95pt; color: #000; }
            .mark { color: #e00; text-align: center; font-size: 36pt; line-height: 1.3; letter-spacing: 2pt; margin-top: 10mm; }
            .number { text-align: center; border-bottom: 1.5pt solid #e00; padding: 2mm 0 4mm; margin-bottom: 28.95pt; }
            .issue { text-align: center; }
            .bulletin { text-align: left; } .bulletin .on { float: right; }
            h1 { text-align: center; font-size: 22pt; font-weight: normal; line-height: 1.45; margin: 0 0 28.95pt; }
            p { margin: 0; text-indent: 2em; text-align: justify; }
            p.addressee, p.plain { text-indent: 0; }
            .l1 { font-family: "Droid Sans Fallback"; }
            .l2 { font-family: "AR PL KaitiM GB", "Droid Sans Fallback"; }
            .right { text-align: right; text-indent: 0; }
            .sign { padding-right: 4em; margin-top: 57.9pt; }
            .date { padding-right: 2em; }
            /* 版记 at the foot of the last page, after the attachment (GB/T 9704-2012 §7.4): the page's footnote area */
            /* 版记 at the foot of the last page, after the attachment (GB/T 9704-2012 §7.4): the page's footnote area, its
               anchor taking no line of its own */
            .imprint-anchor { text-indent: 0; margin: 0; line-height: 0; height: 0; }
            .imprint { float: footnote; display: block; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; font-size: 14pt;
                       line-height: 28.95pt; text-indent: 1em; margin: 0; }
            .imprint::footnote-call { content: ''; }
            .imprint::footnote-marker { content: ''; }
            table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.5; margin: 6pt 0; -fs-table-paginate: paginate; }
            th, td { border: 0.75pt solid #000; padding: 3pt 4pt; text-align: center; }
            th { font-family: "Droid Sans Fallback"; font-weight: normal; }
            tr { page-break-inside: avoid; }
            .attachment { page-break-before: always; }
            .attachment h2 { text-align: center; font-size: 22pt; font-weight: normal; line-height: 1.45; margin: 0 0 14pt; }
            .small { font-size: 14pt; text-indent: 0; }
            """;

    /** The page the forms show: the screen's style, the reader's own fonts where they have them. */
    public static String render(NoticeDocument d) {
        return render(d, STYLE, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
    }

    /** The page {@link NoticePdf} lays out: the same parts as {@link #render(NoticeDocument)}, in the print style. */
    static String print(NoticeDocument d) {
        return render(d, PRINT_STYLE, "");
    }

    /** The parts in their order, as well-formed XHTML (so that the PDF renderer's XML parser reads it too). */
    private static String render(NoticeDocument d, String style, String head) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>"
                + "<meta charset=\"UTF-8\" />").append(head).append("<title>")
                .append(e(d.title())).append("</title><style>").append(style).append("</style></head><body><div class=\"page\">");
        h.append("<div class=\"mark\" id=\"issuer-mark\">").append(e(d.issuerMark())).append("</div>");
        if (d.bulletin()) {
            // a 简报's head: the issue, then who issues it and the day over the red line
            h.append("<div class=\"issue\" id=\"document-number\">").append(e(d.number())).append("</div>");
            h.append("<div class=\"number bulletin\"><span class=\"by\">").append(e(d.bulletinIssuer())).append("</span><span class=\"on\">")
                    .append(NoticeDocx.day(d.date())).append("</span></div>");
        } else {
            h.append("<div class=\"number\" id=\"document-number\">").append(d.number().isEmpty() ? "（发文字号待定）" : e(d.number())).append("</div>");
        }
        h.append("<h1>").append(e(d.title())).append("</h1>");
        if (!d.addressee().isEmpty()) {
            h.append("<p class=\"addressee\">").append(e(d.addressee())).append("</p>");
        }
        for (Paragraph p : d.body()) {
            h.append("<p>");
            if (!p.heading().isEmpty()) {
                h.append("<span class=\"l").append(p.level()).append("\">").append(e(p.heading())).append("</span>");
            }
            h.append(e(p.text())).append("</p>");
        }
        if (!d.roster().isEmpty()) {
            h.append("<p>值班安排如下：</p>");
            table(h, List.of("时段", "工作内容", "牵头单位", "配合单位"),
                    d.roster().stream().map(r -> List.of(r.period(), r.duty(), r.lead(), r.cooperating())).toList());
        }
        if (!d.attachments().isEmpty()) {
            for (int i = 0; i < d.attachments().size(); i++) {
                String name = (d.attachments().size() > 1 ? (i + 1) + ". " : "") + d.attachments().get(i);
                h.append(i == 0 ? "<p style=\"margin-top: 1.8em\">附件：" : "<p style=\"padding-left: 3em\">").append(e(name)).append("</p>");
            }
        }
        h.append("<p class=\"right sign\">").append(e(d.signature())).append("</p>");
        h.append("<p class=\"right date\">").append(NoticeDocx.day(d.date())).append("</p>");
        for (int i = 0; i < d.tables().size(); i++) {
            var t = d.tables().get(i);
            h.append("<div class=\"attachment\" id=\"attachment").append(i == 0 ? "" : String.valueOf(i + 1)).append("\"><p class=\"plain l1\">")
                    .append(d.attachmentLabel(i)).append("</p><h2>").append(e(t.title())).append("</h2>");
            h.append("<p class=\"small\">填报单位（盖章）：　　　　　　　　填报日期：　　年　　月　　日</p>");
            List<List<String>> rows = new java.util.ArrayList<>(t.rows());
            if (t.totalRow()) {
                List<String> total = new java.util.ArrayList<>(java.util.Collections.nCopies(t.headings().size(), ""));
                total.set(0, t.totalName());
                rows.add(total);
            }
            table(h, t.headings(), rows);
            h.append("<p class=\"small\">单位负责人：　　　　　填表人：　　　　　联系电话：</p></div>");
        }
        // 版记 last, after the attachment: the issuer that prints it and the day (at the foot of the last printed page)
        h.append("<p class=\"imprint-anchor\"><span class=\"imprint\" id=\"imprint\">").append(e(d.signature())).append("　　　　")
                .append(NoticeDocx.day(d.date())).append("印发</span></p>");
        return h.append("</div></body></html>").toString();
    }

    private static void table(StringBuilder h, List<String> headings, List<List<String>> rows) {
        h.append("<table><thead><tr>");
        headings.forEach(x -> h.append("<th>").append(e(x)).append("</th>"));
        h.append("</tr></thead><tbody>");
        rows.forEach(r -> {
            h.append("<tr>");
            r.forEach(x -> h.append("<td>").append(e(x)).append("</td>"));
            h.append("</tr>");
        });
        h.append("</tbody></table>");
    }

    private static String e(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(cn.duban.support.Texts.printable(s), "UTF-8");
    }
}
