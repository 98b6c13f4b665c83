package cn.duban.report;

import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.StatTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statistics table with columns as every view prints it — the review, the county summary, the 督办看板 and each
 * xlsx: the row heading, the columns with their units of measure, one row per line (with the unit's name where the
 * rows of several units stand together), and the computed 合计 row. Cells hold a number or a text. Pure.
 *
 * @param unitColumn whether the rows of several units stand together (a 填报单位 column before the row heading)
 * @param numbered whether the rows are only numbered (rows the units added, labelled 1, 2, …): a workbook that numbers
 *                 its rows in a 序号 column prints no second column for them
 */
public record TableGrid(String heading, boolean unitColumn, List<GridColumn> columns, List<GridRow> rows, GridRow total, boolean numbered) {

    /**
     * A column as forms, the dashboard and the workbooks show it: its type ({@code COMPUTED} for a sum), whether it
     * holds numbers and with how many decimals, and what the fill-in form needs (required, options, the columns a
     * sum adds, the longest text).
     */
    public record GridColumn(String code, String name, String unit, String type, boolean numeric, int scale, boolean required,
                             List<String> options, List<String> sumOf, int maxLength) {

        public static List<GridColumn> of(StatTable t) {
            return t.columns().stream().map(c -> new GridColumn(c.code(), c.name(), c.unit() == null ? "" : c.unit(),
                    c.isComputed() ? "COMPUTED" : c.type().name(), c.isNumeric(), TableFigures.scale(c, t), c.needsValue(),
                    c.options(), c.sumOf(), c.textLimit())).toList();
        }
    }

    /** One row: the unit it belongs to (where several stand together), its heading, its cells by column code. */
    public record GridRow(String unit, String label, Map<String, Object> cells) {}

    /** One unit's table: its lines with the cells it handed in, and (where the table shows it) its totals as stored with the version. */
    public static TableGrid ofUnit(StatTable t, List<TableFigures.Line> lines, Map<String, BigDecimal> numbers, Map<String, String> texts) {
        List<GridRow> rows = lines.stream().map(l -> new GridRow(null, l.label(), cells(t, l.key(), numbers, texts))).toList();
        return new TableGrid(t.heading(), false, GridColumn.of(t), rows, total(t, numbers), t.rowsAdded());
    }

    /** One unit's rows as they stand among other units' (its name in the 填报单位 column). */
    public record UnitRows(String unitName, List<TableFigures.Line> lines, Map<String, BigDecimal> numbers, Map<String, String> texts) {}

    /**
     * The rows of every unit together, closed (where the table shows its 合计 row) by the county's totals: {@code totals} by
     * total-row cell, as {@link ReportFigures#approvedTotals} adds up the units' own ({@link TableFigures#totals}).
     */
    public static TableGrid ofUnits(StatTable t, List<UnitRows> units, Map<String, BigDecimal> totals) {
        List<GridRow> rows = new ArrayList<>();
        for (UnitRows u : units) {
            // rows the units added are numbered through the whole table (序号 1…n), as the county's form numbers them
            u.lines().forEach(l -> rows.add(new GridRow(u.unitName(), t.rowsAdded() ? String.valueOf(rows.size() + 1) : l.label(),
                    cells(t, l.key(), u.numbers(), u.texts()))));
        }
        return new TableGrid(t.heading(), true, GridColumn.of(t), rows, total(t, totals), t.rowsAdded());
    }

    /**
     * The county's fixed rows: each cell the sum over the approved reports ({@code sums} by cell name, the total row's cells
     * the county's totals).
     */
    public static TableGrid summed(StatTable t, Map<String, BigDecimal> sums) {
        List<GridRow> rows = t.fixedRows().stream().map(r -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            t.numericColumns().forEach(c -> cells.put(c.code(), scaled(t, c, sums.getOrDefault(TableFigures.cell(r.code(), c.code()), BigDecimal.ZERO))));
            return new GridRow(null, r.name(), cells);
        }).toList();
        return new TableGrid(t.heading(), false, GridColumn.of(t), rows, total(t, sums), t.rowsAdded());
    }

    /** The 合计 row from the totals given by total-row cell ({@link TableFigures#totals}); none where the table shows none. */
    private static GridRow total(StatTable t, Map<String, BigDecimal> numbers) {
        if (!t.showsTotal()) {
            return null;
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        t.numericColumns().forEach(c -> cells.put(c.code(),
                scaled(t, c, numbers.getOrDefault(TableFigures.cell(TableFigures.TOTAL, c.code()), BigDecimal.ZERO))));
        return new GridRow(null, t.totalName(), cells);
    }

    private static BigDecimal scaled(StatTable t, Column c, BigDecimal v) {
        return v.setScale(TableFigures.scale(c, t), RoundingMode.HALF_UP);
    }

    private static Map<String, Object> cells(StatTable t, String row, Map<String, BigDecimal> numbers, Map<String, String> texts) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            String cell = TableFigures.cell(row, c.code());
            Object v = c.isNumeric() ? numbers.get(cell) == null ? null : scaled(t, c, numbers.get(cell)) : texts.get(cell);
            if (v != null) {
                cells.put(c.code(), v);
            }
        }
        return cells;
    }
}
