package cn.duban.export;

import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.report.TableGrid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The statistics table as the notice's attachment prints it: its title, 填报单位 and 填报日期, then
 * 序号 / 类别 / 单位 / 数量, one row per indicator; numbers in the indicator's own format (万元 with two
 * decimals). Used for the county total and for each unit's own table.
 */
final class AttachmentLayout {

    private final Workbook wb;
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle plain;
    private final java.util.Map<Integer, CellStyle> numbers = new java.util.HashMap<>();
    private CellStyle centered;

    AttachmentLayout(Workbook wb) {
        this.wb = wb;
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        header = bordered();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        text = bordered();
        plain = wb.createCellStyle();
    }

    /** The same, with a line under the title saying what the figures cover (the county summary: 已通过 M / 应报 N 个单位). */
    void write(Sheet sheet, String tableTitle, String coverage, String reportingBody, LocalDate date, List<Indicator> indicators,
               Map<String, BigDecimal> values) {
        Row t = sheet.createRow(0);
        t.setHeightInPoints(28);
        cell(t, 0, tableTitle, title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        if (coverage != null) {
            cell(sheet.createRow(1), 0, coverage, plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));
        }
        Row meta = sheet.createRow(2);
        cell(meta, 0, "填报单位：" + reportingBody, plain);
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 1));
        cell(meta, 2, "填报日期：" + (date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"), plain);
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
        Row h = sheet.createRow(3);
        String[] heads = {"序号", "类别", "单位", "数量"};
        for (int i = 0; i < heads.length; i++) {
            cell(h, i, heads[i], header);
        }
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            Row r = sheet.createRow(4 + i);
            Cell no = r.createCell(0);
            no.setCellValue(i + 1);
            no.setCellStyle(number(0));
            cell(r, 1, ind.name(), text);
            cell(r, 2, ind.unit(), centered());
            Cell q = r.createCell(3);
            BigDecimal v = values.get(ind.code());
            if (v != null) {
                q.setCellValue(v.doubleValue());
            }
            q.setCellStyle(number(ind.effectiveScale()));
        }
        sheet.setColumnWidth(0, 8 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        sheet.setColumnWidth(3, 16 * 256);
        printOnA4(sheet, 4, 4);
    }

    /**
     * A table with columns in the attachment's layout: its title (and what the figures cover), 填报单位 and 填报日期,
     * then 序号 / (填报单位) / the row heading / each column with its unit of measure, one row per line, the 合计 row
     * closing it; numbers in their column's format, texts (a remark, a date, a choice) as written.
     */
    /**
     * A sheet as it prints: on A4, as many columns as it has on one page's width (portrait for a narrow table, landscape
     * for a wide one), as many pages long as it takes, its heading rows repeated on every page, centred.
     *
     * @param headingRows the rows at the top to print on every page (the title down to the column headings)
     * @param columns     how many columns the sheet has: more than {@link #PORTRAIT_COLUMNS} print across the page
     */
    static void printOnA4(Sheet sheet, int headingRows, int columns) {
        org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        print.setLandscape(columns > PORTRAIT_COLUMNS);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        if (headingRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headingRows - 1, -1, -1));
        }
    }

    /** The widest table printed upright on A4: the attachment's own four columns, a few more. */
    static final int PORTRAIT_COLUMNS = 6;

    void writeGrid(Sheet sheet, String tableTitle, String coverage, String reportingBody, LocalDate date, TableGrid grid) {
        // 序号, 填报单位 (where several units stand together), the row heading (not for rows only numbered)
        int lead = (grid.unitColumn() ? 3 : 2) - (grid.numbered() ? 1 : 0);
        int width = lead + grid.columns().size();
        Row t = sheet.createRow(0);
        t.setHeightInPoints(28);
        cell(t, 0, tableTitle, title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
        if (coverage != null) {
            cell(sheet.createRow(1), 0, coverage, plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, width - 1));
        }
        Row meta = sheet.createRow(2);
        int half = Math.max(1, width / 2);
        cell(meta, 0, "填报单位：" + reportingBody, plain);
        if (half > 1) {
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, half - 1));
        }
        cell(meta, half, "填报日期：" + (date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"), plain);
        if (width - 1 > half) {
            sheet.addMergedRegion(new CellRangeAddress(2, 2, half, width - 1));
        }
        Row h = sheet.createRow(3);
        cell(h, 0, "序号", header);
        if (grid.unitColumn()) {
            cell(h, 1, "填报单位", header);
        }
        if (!grid.numbered()) {
            cell(h, lead - 1, grid.heading(), header);
        }
        for (int i = 0; i < grid.columns().size(); i++) {
            TableGrid.GridColumn c = grid.columns().get(i);
            cell(h, lead + i, c.name() + (c.unit().isBlank() ? "" : "（" + c.unit() + "）"), header);
        }
        int r = 4;
        for (TableGrid.GridRow row : grid.rows()) {
            Row x = sheet.createRow(r);
            Cell no = x.createCell(0);
            no.setCellValue(r - 3);
            no.setCellStyle(number(0));
            if (grid.unitColumn()) {
                cell(x, 1, row.unit(), text);
            }
            if (!grid.numbered()) {
                cell(x, lead - 1, row.label(), text);
            }
            cells(x, lead, grid, row);
            r++;
        }
        if (grid.total() != null) {
            Row x = sheet.createRow(r);
            cell(x, 0, grid.total().label(), header);
            for (int i = 1; i < lead; i++) {
                cell(x, i, "", header);
            }
            if (lead > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lead - 1));
            }
            cells(x, lead, grid, grid.total());
        }
        sheet.setColumnWidth(0, 8 * 256);
        if (grid.unitColumn()) {
            sheet.setColumnWidth(1, 28 * 256);
        }
        if (!grid.numbered()) {
            sheet.setColumnWidth(lead - 1, 24 * 256);
        }
        for (int i = 0; i < grid.columns().size(); i++) {
            sheet.setColumnWidth(lead + i, (grid.columns().get(i).type().equals("TEXT") ? 30 : 14) * 256);
        }
        printOnA4(sheet, 4, width);
    }

    /** The line under a unit's table: 单位负责人, 填表人, 联系方式 (as the notice's blank form asks for them). */
    void footer(Sheet sheet, String head, String filler, String contact) {
        Row r = sheet.createRow(sheet.getLastRowNum() + 2);
        cell(r, 0, "单位负责人：" + head + "　　填表人：" + filler + "　　联系方式：" + contact, plain);
    }

    private void cells(Row x, int from, TableGrid grid, TableGrid.GridRow row) {
        for (int i = 0; i < grid.columns().size(); i++) {
            TableGrid.GridColumn c = grid.columns().get(i);
            Object v = row.cells().get(c.code());
            if (c.numeric()) {
                Cell q = x.createCell(from + i);
                if (v instanceof BigDecimal d) {
                    q.setCellValue(d.doubleValue());
                }
                q.setCellStyle(number(c.scale()));
            } else {
                cell(x, from + i, v == null ? "" : v.toString(), text);
            }
        }
    }

    /** One style per number format (a workbook holds a limited number of styles). */
    CellStyle number(int scale) {
        return numbers.computeIfAbsent(scale, k -> {
            CellStyle s = bordered();
            s.setDataFormat(wb.createDataFormat().getFormat(k == 0 ? "0" : "0." + "0".repeat(k)));
            s.setAlignment(HorizontalAlignment.RIGHT);
            return s;
        });
    }

    CellStyle header() {
        return header;
    }

    CellStyle text() {
        return text;
    }

    private CellStyle centered() {
        if (centered == null) {
            centered = bordered();
            centered.setAlignment(HorizontalAlignment.CENTER);
        }
        return centered;
    }

    private CellStyle bordered() {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
