package cn.duban.document;

import cn.duban.document.NoticeDocument.Paragraph;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A {@link NoticeDocument} as a Word document (Apache POI's XWPF) in the layout of GB/T 9704-2012: A4, margins 37 mm
 * top, 35 mm bottom, 28 mm left, 26 mm right; 发文机关标志 red in 小标宋 over a red line; the title in 2号小标宋; the
 * body in 3号仿宋, 22 lines a page, each paragraph indented two characters, headings 一、 in 黑体 and （一） in 楷体;
 * 附件说明; 署名 and 成文日期 (Arabic numerals) on the right; 版记; the page number — N — at the foot; then the
 * attachment on a page of its own: 附件, its title, 填报单位 and 填报日期, the blank table, 单位负责人 / 填表人 / 联系电话.
 */
public final class NoticeDocx {

    static final String XIAOBIAOSONG = "方正小标宋简体";
    static final String FANGSONG = "仿宋_GB2312";
    static final String HEITI = "黑体";
    static final String KAITI = "楷体_GB2312";
    static final String SONGTI = "宋体";
    /** 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt. */
    static final int SIZE3 = 16;
    static final int SIZE2 = 22;
    static final int SIZE4 = 14;
    /** 22 lines in the 225 mm type area: 28.95 pt a line. */
    static final double LINE = 28.95;
    /** Two characters of 3号: the first-line indent. */
    static final int TWO_CHARS = 2 * SIZE3 * 20;

    private NoticeDocx() {}

    public static void write(NoticeDocument d, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            XWPFParagraph mark = line(doc, ParagraphAlignment.CENTER, 0);
            run(mark, d.issuerMark(), XIAOBIAOSONG, 36).setColor("FF0000");
            spaced(mark, 40);
            XWPFParagraph number = line(doc, ParagraphAlignment.CENTER, 0);
            run(number, d.number(), FANGSONG, SIZE3);
            if (d.bulletin()) {
                // a 简报's head: who issues it at the left, the day at the right, over the red line
                XWPFParagraph by = line(doc, ParagraphAlignment.LEFT, 0);
                run(by, d.bulletinIssuer(), FANGSONG, SIZE3);
                by.getCTP().getPPr().addNewTabs().addNewTab().setPos(BigInteger.valueOf(TYPE_AREA_WIDTH));
                by.getCTP().getPPr().getTabs().getTabArray(0).setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
                run(by, "", FANGSONG, SIZE3).addTab();
                run(by, day(d.date()), FANGSONG, SIZE3);
                number = by;
            }
            // 版头分隔线: red, under the 发文字号 (a 简报's: under who issues it and when)
            number.setBorderBottom(Borders.SINGLE);
            number.getCTP().getPPr().getPBdr().getBottom().setColor("FF0000");
            number.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(12));
            line(doc, ParagraphAlignment.LEFT, 0);
            XWPFParagraph title = line(doc, ParagraphAlignment.CENTER, 0);
            run(title, d.title(), XIAOBIAOSONG, SIZE2);
            spaced(title, 36);
            line(doc, ParagraphAlignment.LEFT, 0);
            if (!d.addressee().isEmpty()) {
                run(line(doc, ParagraphAlignment.LEFT, 0), d.addressee(), FANGSONG, SIZE3);
            }
            for (Paragraph p : d.body()) {
                XWPFParagraph para = line(doc, ParagraphAlignment.BOTH, TWO_CHARS);
                String font = switch (p.level()) {
                    case 1 -> HEITI;
                    case 2 -> KAITI;
                    default -> FANGSONG;
                };
                if (!p.heading().isEmpty()) {
                    run(para, p.heading(), font, SIZE3);
                }
                if (!p.text().isEmpty()) {
                    run(para, p.text(), FANGSONG, SIZE3);
                }
            }
            if (!d.roster().isEmpty()) {
                run(line(doc, ParagraphAlignment.BOTH, TWO_CHARS), "值班安排如下：", FANGSONG, SIZE3);
                table(doc, List.of("时段", "工作内容", "牵头单位", "配合单位"),
                        d.roster().stream().map(r -> List.of(r.period(), r.duty(), r.lead(), r.cooperating())).toList(), false);
            }
            if (!d.attachments().isEmpty()) {
                line(doc, ParagraphAlignment.LEFT, 0);
                // GB/T 9704 7.3.6: 附件：1. … and each further name on a line of its own, under the first
                for (int i = 0; i < d.attachments().size(); i++) {
                    XWPFParagraph note = line(doc, ParagraphAlignment.LEFT, i == 0 ? TWO_CHARS : TWO_CHARS + 3 * SIZE3 * 20);
                    run(note, (i == 0 ? "附件：" : "") + (d.attachments().size() > 1 ? (i + 1) + ". " : "") + d.attachments().get(i),
                            FANGSONG, SIZE3);
                }
            }
            line(doc, ParagraphAlignment.LEFT, 0);
            line(doc, ParagraphAlignment.LEFT, 0);
            XWPFParagraph signature = line(doc, ParagraphAlignment.RIGHT, 0);
            signature.setIndentationRight(2 * TWO_CHARS);
            run(signature, d.signature(), FANGSONG, SIZE3);
            XWPFParagraph date = line(doc, ParagraphAlignment.RIGHT, 0);
            date.setIndentationRight(TWO_CHARS);
            run(date, day(d.date()), FANGSONG, SIZE3);
            for (int i = 0; i < d.tables().size(); i++) {
                attachment(doc, d.attachmentLabel(i), d.tables().get(i));
            }
            imprint(doc, d.signature() + "　　　　" + day(d.date()) + "印发");
            footer(doc);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 版记: the issuer that prints it and the day, between two lines, last — after the attachment — and at the foot of
     * the last page (GB/T 9704-2012 §7.4), not after the date on a page of its own: a paragraph framed to the bottom of
     * the type area of the page it falls on.
     */
    static XWPFParagraph imprint(XWPFDocument doc, String text) {
        XWPFParagraph imprint = line(doc, ParagraphAlignment.LEFT, 0);
        imprint.setBorderTop(Borders.SINGLE);
        imprint.setBorderBottom(Borders.SINGLE);
        imprint.setIndentationLeft(SIZE4 * 20);
        var frame = imprint.getCTP().getPPr().addNewFramePr();
        frame.setHAnchor(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor.MARGIN);
        frame.setVAnchor(org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor.MARGIN);
        frame.setYAlign(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign.BOTTOM);
        frame.setW(BigInteger.valueOf(TYPE_AREA_WIDTH));
        frame.setWrap(org.openxmlformats.schemas.wordprocessingml.x2006.main.STWrap.AROUND);
        run(imprint, text, FANGSONG, SIZE4);
        return imprint;
    }

    /** The type area's width: A4's 210 mm less 28 mm and 26 mm of margins, 156 mm, in twips. */
    static final int TYPE_AREA_WIDTH = 11906 - 1587 - 1474;

    /** The attachment: 附件 in 黑体 at the top left, the title, 填报单位 / 填报日期, the table, who filled it in. */
    private static void attachment(XWPFDocument doc, String label, NoticeDocument.BlankTable t) {
        XWPFParagraph head = line(doc, ParagraphAlignment.LEFT, 0);
        head.setPageBreak(true);
        run(head, label, HEITI, SIZE3);
        XWPFParagraph title = line(doc, ParagraphAlignment.CENTER, 0);
        run(title, t.title(), XIAOBIAOSONG, SIZE2);
        spaced(title, 36);
        run(line(doc, ParagraphAlignment.LEFT, 0), "填报单位（盖章）：　　　　　　　　填报日期：　　年　月　日", FANGSONG, SIZE4);
        List<List<String>> rows = new java.util.ArrayList<>(t.rows());
        if (t.totalRow()) {
            List<String> total = new java.util.ArrayList<>(java.util.Collections.nCopies(t.headings().size(), ""));
            total.set(0, t.totalName());
            rows.add(total);
        }
        table(doc, t.headings(), rows, true);
        run(line(doc, ParagraphAlignment.LEFT, 0), "单位负责人：　　　　　　填表人：　　　　　　联系电话：", FANGSONG, SIZE4);
    }

    private static void table(XWPFDocument doc, List<String> headings, List<List<String>> rows, boolean small) {
        XWPFTable table = doc.createTable(rows.size() + 1, headings.size());
        table.setWidth("100%");
        int size = small ? 12 : SIZE4;
        for (int c = 0; c < headings.size(); c++) {
            cell(table.getRow(0).getCell(c), headings.get(c), HEITI, size);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < headings.size(); c++) {
                cell(table.getRow(r + 1).getCell(c), c < rows.get(r).size() ? rows.get(r).get(c) : "", FANGSONG, size);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String text, String font, int size) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, font, size);
    }

    /** — N — at the foot of every page, in 4号宋体. */
    private static void footer(XWPFDocument doc) {
        var footer = doc.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", SONGTI, SIZE4);
        // the page number as a field Word fills in: begin, PAGE, end, each a run of its own in order
        run(p, "", SONGTI, SIZE4).getCTR().addNewFldChar().setFldCharType(
                org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.BEGIN);
        run(p, "", SONGTI, SIZE4).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, "", SONGTI, SIZE4).getCTR().addNewFldChar().setFldCharType(
                org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.END);
        run(p, " —", SONGTI, SIZE4);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1587));
        mar.setRight(BigInteger.valueOf(1474));
        mar.setFooter(BigInteger.valueOf(992));
    }

    private static XWPFParagraph line(XWPFDocument doc, ParagraphAlignment align, int firstLine) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(LINE, LineSpacingRule.EXACT);
        if (firstLine > 0) {
            p.setIndentationFirstLine(firstLine);
        }
        return p;
    }

    private static void spaced(XWPFParagraph p, double points) {
        p.setSpacingBetween(points, LineSpacingRule.EXACT);
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun r = p.createRun();
        r.setText(cn.duban.support.Texts.printable(text));
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        return r;
    }

    /** 成文日期 in Arabic numerals, as GB/T 9704-2012 writes it: 2026年12月3日. */
    static String day(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
