package cn.duban.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * 督办单 as a Word document: one page per unit, its title and frame in the order's colour (blue, yellow, red), then
 * 督办事项, 承办单位, 报送期限, 办理情况, 督办要求, 督办单位 and 联系人 in a table, and the day.
 */
public final class SupervisionOrderDocx {

    private SupervisionOrderDocx() {}

    public static void write(List<Circulars.Order> orders, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            if (orders.isEmpty()) {
                XWPFParagraph p = doc.createParagraph();
                NoticeDocx.run(p, "目前没有临近截止或逾期的单位，无需发督办单。", NoticeDocx.FANGSONG, NoticeDocx.SIZE3);
            }
            for (int i = 0; i < orders.size(); i++) {
                Circulars.Order o = orders.get(i);
                XWPFParagraph title = doc.createParagraph();
                title.setAlignment(ParagraphAlignment.CENTER);
                title.setPageBreak(i > 0);
                NoticeDocx.run(title, "督　办　单", NoticeDocx.XIAOBIAOSONG, 26).setColor(o.colour());
                XWPFParagraph tag = doc.createParagraph();
                tag.setAlignment(ParagraphAlignment.CENTER);
                // what is the matter, in words: the colour says it to the eye, the words to whoever prints it in black
                NoticeDocx.run(tag, "（" + o.urgencyLabel() + "）", NoticeDocx.KAITI, NoticeDocx.SIZE4).setColor(o.colour());
                List<String[]> rows = List.of(
                        new String[] {"督办事项", "《" + o.title() + "》" + (o.number().isEmpty() ? "" : "（" + o.number() + "）")},
                        new String[] {"承办单位", o.unitName()},
                        new String[] {"报送期限", NoticeDocx.day(o.due())},
                        new String[] {"办理情况", o.statusLabel() + (o.daysLate() > 0 ? "，已逾期 " + o.daysLate() + " 天" : o.daysLeft() == 0 ? "，今天截止" : "，距期限 " + o.daysLeft() + " 天")},
                        new String[] {"督办要求", o.requirement()},
                        new String[] {"督办单位", o.issuer()},
                        new String[] {"联系人及电话", o.contact()});
                XWPFTable table = doc.createTable(rows.size(), 2);
                table.setWidth("100%");
                for (int r = 0; r < rows.size(); r++) {
                    NoticeDocx.run(table.getRow(r).getCell(0).getParagraphs().get(0), rows.get(r)[0], NoticeDocx.HEITI, NoticeDocx.SIZE4);
                    NoticeDocx.run(table.getRow(r).getCell(1).getParagraphs().get(0), rows.get(r)[1], NoticeDocx.FANGSONG, NoticeDocx.SIZE4);
                }
                table.setTopBorder(XWPFTable.XWPFBorderType.THICK, 12, 0, o.colour());
                table.setBottomBorder(XWPFTable.XWPFBorderType.THICK, 12, 0, o.colour());
                table.setLeftBorder(XWPFTable.XWPFBorderType.THICK, 12, 0, o.colour());
                table.setRightBorder(XWPFTable.XWPFBorderType.THICK, 12, 0, o.colour());
                XWPFParagraph date = doc.createParagraph();
                date.setAlignment(ParagraphAlignment.RIGHT);
                NoticeDocx.run(date, NoticeDocx.day(o.date()), NoticeDocx.FANGSONG, NoticeDocx.SIZE3);
            }
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
