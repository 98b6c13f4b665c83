package cn.duban.report;

import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.ColumnType;
import cn.duban.campaign.CampaignTemplate.Rule;
import cn.duban.campaign.CampaignTemplate.StatTable;
import cn.duban.campaign.FigureRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A statistics table with columns ({@link StatTable}) as a unit fills it: which rows it has, every cell checked
 * by its column's type, the computed columns and the unit's totals worked out (never typed; {@link #totals}, whether
 * or not the table shows its 合计 row), and the rules held on every row. A cell is named {@code row.column} — a fixed row's code, a sub-unit's code, or the number of a row the
 * unit added; the total row is {@value #TOTAL}. Numbers and texts are kept apart (numbers are summed by the
 * county). Pure: no database, no engine (TableFiguresTest).
 */
public final class TableFigures {

    /** The row key of the computed total row. */
    public static final String TOTAL = "_total";

    private static final Pattern ADDED_ROW = Pattern.compile("[1-9][0-9]{0,3}");

    private TableFigures() {}

    /** One row a unit fills: its key (in cell names) and its heading. */
    public record Line(String key, String label) {}

    /**
     * The table as typed, checked: numbers (typed, computed, and the total row) and texts by cell, or the problems
     * (each naming its row and column) with the cell each belongs to; the rules each row breaks.
     */
    public record Checked(Map<String, BigDecimal> numbers, Map<String, String> texts, List<String> problems,
                          Map<String, String> fieldErrors, List<FigureRules.Breach> breaches) {

        public boolean passes() {
            return problems.isEmpty();
        }
    }

    public static String cell(String row, String column) {
        return row + "." + column;
    }

    /** The row of a cell name. */
    public static String rowOf(String cell) {
        int dot = cell.lastIndexOf('.');
        return dot < 0 ? cell : cell.substring(0, dot);
    }

    /**
     * The rows of one unit's table: the fixed rows, or its sub-units (as the registry lists them, given), or the
     * rows it added (the numbered rows any of whose cells holds something, in order, labelled 1, 2, … whatever rows were
     * deleted between).
     */
    public static List<Line> lines(StatTable t, List<Line> subUnits, Set<String> cells) {
        if (t.rowsPerSubUnit()) {
            return subUnits;
        }
        if (t.rowsAdded()) {
            Set<String> rows = new java.util.TreeSet<>(Comparator.comparingInt(Integer::parseInt));
            cells.stream().map(TableFigures::rowOf).filter(r -> ADDED_ROW.matcher(r).matches()).forEach(rows::add);
            List<Line> out = new java.util.ArrayList<>();
            rows.forEach(r -> out.add(new Line(r, String.valueOf(out.size() + 1))));
            return out;
        }
        return t.fixedRows().stream().map(r -> new Line(r.code(), r.name())).toList();
    }

    /** Checks a unit's table: every cell of every row by its column, the added rows' count, the rules row by row. */
    public static Checked check(StatTable t, List<Rule> rules, List<Line> subUnits, Map<String, String> raw) {
        Map<String, String> input = new HashMap<>();
        (raw == null ? Map.<String, String>of() : raw).forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                input.put(k, v);
            }
        });
        List<Line> lines = lines(t, subUnits, input.keySet());
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        // what the table computes (sums, the total row) is never typed: given anyway (a form refilled from a handed-in
        // version), it is worked out again, not refused
        t.numericColumns().forEach(c -> known.add(cell(TOTAL, c.code())));
        for (int r = 0; r < lines.size(); r++) {
            Line line = lines.get(r);
            String where = t.rowsAdded() ? "第 " + (r + 1) + " 行" : "第 " + (r + 1) + " 行“" + line.label() + "”";
            for (Column col : t.columns()) {
                String cell = cell(line.key(), col.code());
                known.add(cell);
                if (col.isComputed()) {
                    continue;
                }
                String error = null;
                String text = input.get(cell);
                if (col.isNumeric()) {
                    var n = FigureValidator.number(text, col.needsValue(), col.type() == ColumnType.INTEGER, col.effectiveScale(), col.unit());
                    error = n.error();
                    if (n.value() != null) {
                        numbers.put(cell, n.value());
                    }
                } else if (text == null || text.isBlank()) {
                    error = col.needsValue() ? "必填" : null;
                } else {
                    String value = text.strip();
                    error = switch (col.type()) {
                        case DATE -> date(value);
                        // a choice from another table's column is held against that table (TableSet)
                        case CHOICE -> col.from() != null ? value.length() > col.textLimit() ? "过长，最多 " + col.textLimit() + " 字" : null
                                : col.options().contains(value) ? null : "请从列表中选择（" + String.join("、", col.options()) + "）";
                        default -> value.length() > col.textLimit() ? "过长，最多 " + col.textLimit() + " 字"
                                : col.pattern() != null && !java.util.regex.Pattern.compile(col.pattern()).matcher(value).matches()
                                ? "格式不对，应形如“" + col.example() + "”" : null;
                    };
                    if (error == null) {
                        texts.put(cell, col.type() == ColumnType.DATE ? LocalDate.parse(value.replace('/', '-'), DAY).toString() : value);
                    }
                }
                if (error != null) {
                    errors.put(cell, error);
                    problems.add(where + "“" + col.name() + "”" + error);
                }
            }
        }
        if (t.rowsAdded()) {
            var a = t.rows().added();
            if (lines.size() < a.minRows()) {
                problems.add("统计表至少填写 " + a.minRows() + " 行，现有 " + lines.size() + " 行");
                errors.put("table", "至少填写 " + a.minRows() + " 行");
            } else if (lines.size() > a.maxRows()) {
                problems.add("统计表最多 " + a.maxRows() + " 行，现有 " + lines.size() + " 行");
                errors.put("table", "最多 " + a.maxRows() + " 行");
            }
        }
        for (String cell : input.keySet()) {
            if (!known.contains(cell)) {
                problems.add("统计表中没有这一格：" + cell);
                errors.put(cell, "统计表中没有这一格");
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(Map.of(), Map.of(), List.copyOf(problems), errors, List.of());
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (Line line : lines) {
            for (Column col : t.numericColumns()) {
                BigDecimal v = col.isComputed() ? sum(col, numbers, line.key()).setScale(scale(col, t), RoundingMode.HALF_UP)
                        : numbers.get(cell(line.key(), col.code()));
                if (v != null) {
                    ordered.put(cell(line.key(), col.code()), v);
                }
            }
        }
        // the unit's totals are figures of the table whether or not its 合计 row is shown: stored with the version, they
        // are what the county adds up and what 各单位明细 prints
        ordered.putAll(totals(t, ordered));
        return new Checked(ordered, texts, List.of(), Map.of(), breaches(t, rules, lines, ordered));
    }

    /**
     * A unit's total of each number column, by cell name ({@value #TOTAL}{@code .column}): the sum of the column over the
     * unit's rows (every cell of it but the total row's own), with the column's decimals, 0 for a column left empty. The
     * one definition of a unit's total: worked out as the unit hands its table in and stored with the version whether
     * or not the table shows its 合计 row ({@code totalRow} is layout only); the county's total of a column is the sum
     * of the approved units' totals ({@link ReportFigures#approvedTotals}).
     */
    public static Map<String, BigDecimal> totals(StatTable t, Map<String, BigDecimal> numbers) {
        Map<String, BigDecimal> sums = new HashMap<>();
        numbers.forEach((cell, v) -> {
            String row = rowOf(cell);
            if (!row.equals(cell) && !row.equals(TOTAL) && v != null) {
                sums.merge(cell.substring(row.length() + 1), v, BigDecimal::add);
            }
        });
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Column col : t.numericColumns()) {
            totals.put(cell(TOTAL, col.code()), sums.getOrDefault(col.code(), BigDecimal.ZERO).setScale(scale(col, t), RoundingMode.HALF_UP));
        }
        return totals;
    }

    /** The rules broken on each row, each message headed by its row (a stored version's breaches are read the same way). */
    public static List<FigureRules.Breach> breaches(StatTable t, List<Rule> rules, List<Line> lines, Map<String, BigDecimal> numbers) {
        List<FigureRules.Breach> breaches = new ArrayList<>();
        // a rule naming cells ([row.column], [_total.column]) holds once over the table
        List<Rule> table = rules.stream().filter(FigureRules::namesCells).toList();
        FigureRules.check(table, numbers).forEach(b -> breaches.add(new FigureRules.Breach(rules.indexOf(table.get(b.rule())), b.message(), b.hard(),
                b.field())));
        List<Rule> perRow = rules.stream().filter(r -> !FigureRules.namesCells(r)).toList();
        for (int r = 0; r < lines.size(); r++) {
            Line line = lines.get(r);
            Map<String, BigDecimal> row = new HashMap<>();
            for (Column col : t.numericColumns()) {
                BigDecimal v = numbers.get(cell(line.key(), col.code()));
                if (v != null) {
                    row.put(col.code(), v);
                }
            }
            String where = t.rowsAdded() ? "第 " + (r + 1) + " 行：" : line.label() + "：";
            FigureRules.check(perRow, row).forEach(b -> breaches.add(new FigureRules.Breach(rules.indexOf(perRow.get(b.rule())),
                    where + b.message(), b.hard(), b.field() == null ? null : cell(line.key(), b.field()))));
        }
        return List.copyOf(breaches);
    }

    /** The scale a column's numbers are shown with: a computed column takes the largest of the columns it adds. */
    public static int scale(Column col, StatTable t) {
        if (!col.isComputed()) {
            return col.effectiveScale();
        }
        return col.sumOf().stream().map(t::column).filter(c -> c != null).mapToInt(Column::effectiveScale).max().orElse(0);
    }

    private static BigDecimal sum(Column col, Map<String, BigDecimal> numbers, String row) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String ref : col.sumOf()) {
            sum = sum.add(numbers.getOrDefault(cell(row, ref), BigDecimal.ZERO));
        }
        return sum;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static String date(String value) {
        try {
            LocalDate.parse(value.replace('/', '-'), DAY);
            return null;
        } catch (DateTimeParseException e) {
            return "不是有效日期（如 2026-03-15）";
        }
    }
}
