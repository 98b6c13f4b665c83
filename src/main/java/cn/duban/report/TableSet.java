package cn.duban.report;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.StatTable;
import cn.duban.campaign.FigureRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A notice's statistics tables together, as a unit fills them: one table ({@code table}), or several ({@code tables}:
 * 附件1 校园房屋建筑清单, 附件2 隐患排查整治台账 …), each checked on its own by {@link TableFigures} with its own rows,
 * columns and rules. Among a unit's values the cells of one of several tables carry its code ({@code hazards:3.name},
 * {@code hazards:_total.funds}); those of a notice's one table do not ({@code 3.name}), as they always have. A choice
 * column may take its values from another table's text column ({@code from: buildings.name}): each hazard names a
 * building the same unit listed. Pure: no database, no engine (TableSetTest).
 */
public final class TableSet {

    private TableSet() {}

    /** The cells of one table among all of a unit's values, its code taken off their names. */
    public static <V> Map<String, V> cellsOf(StatTable t, Map<String, V> all) {
        String prefix = t.cellPrefix();
        Map<String, V> out = new LinkedHashMap<>();
        (all == null ? Map.<String, V>of() : all).forEach((k, v) -> {
            if (k == null) {
                return;
            }
            if (prefix.isEmpty() ? k.indexOf(':') < 0 : k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The names of one table's cells among a set of names, its code taken off. */
    public static Set<String> namesOf(StatTable t, Set<String> all) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        all.forEach(k -> m.put(k, true));
        return cellsOf(t, m).keySet();
    }

    /** One table's cells named as they stand among a unit's values (its code put before each). */
    public static <V> Map<String, V> named(StatTable t, Map<String, V> cells) {
        Map<String, V> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> out.put(t.cellPrefix() + k, v));
        return out;
    }

    /** How a problem of one of several tables is headed: 附件2“隐患排查整治台账”. */
    public static String where(CampaignTemplate t, StatTable table) {
        return t.severalTables() ? "附件" + t.attachmentNo(table) + "“" + t.titleOf(table) + "”" : "";
    }

    /**
     * Checks every table of a unit's report: each on its own (its cells, rows and rules), then the columns that take
     * their values from another table. Numbers, texts and errors are named as among the unit's values; each problem
     * is headed by its table where there are several. {@code subUnits} gives the rows a table with a row per
     * sub-unit has for the reporting unit.
     */
    public static TableFigures.Checked check(CampaignTemplate t, Function<StatTable, List<TableFigures.Line>> subUnits,
                                             Map<String, String> raw) {
        return check(t, t.allTables(), subUnits, raw);
    }

    /**
     * The same for the tables a unit fills of the notice ({@code tables}, its part: in a two-level roll-up a member's
     * forms or its intermediate's); a cell of another table is not the unit's to fill.
     */
    public static TableFigures.Checked check(CampaignTemplate t, List<StatTable> tables,
                                             Function<StatTable, List<TableFigures.Line>> subUnits, Map<String, String> raw) {
        if (!t.severalTables()) {
            StatTable only = t.table();
            return TableFigures.check(only, t.rules(), subUnits.apply(only), raw);
        }
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<FigureRules.Breach> breaches = new ArrayList<>();
        Map<String, Map<String, String>> checkedTexts = new LinkedHashMap<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (StatTable table : tables) {
            Map<String, String> own = cellsOf(table, raw);
            own.keySet().forEach(k -> claimed.add(table.cellPrefix() + k));
            TableFigures.Checked c = TableFigures.check(table, table.rules(), subUnits.apply(table), own);
            String head = where(t, table) + "：";
            c.problems().forEach(p -> problems.add(head + p));
            c.fieldErrors().forEach((k, v) -> errors.put(k.equals("table") ? "table:" + table.code() : table.cellPrefix() + k, v));
            c.breaches().forEach(b -> breaches.add(new FigureRules.Breach(b.rule(), head + b.message(), b.hard())));
            numbers.putAll(named(table, c.numbers()));
            texts.putAll(named(table, c.texts()));
            checkedTexts.put(table.code(), c.passes() ? c.texts() : own);
        }
        (raw == null ? Map.<String, String>of() : raw).forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank() && !claimed.contains(k)) {
                problems.add("统计表中没有这一格：" + k);
                errors.put(k, "统计表中没有这一格");
            }
        });
        for (StatTable table : tables) {
            for (Column col : table.columns()) {
                if (col.from() == null) {
                    continue;
                }
                StatTable source = t.tableByCode(col.fromTable());
                Set<String> allowed = new LinkedHashSet<>();
                checkedTexts.getOrDefault(col.fromTable(), Map.of()).forEach((cell, v) -> {
                    if (cell.endsWith("." + col.fromColumn()) && v != null && !v.isBlank()) {
                        allowed.add(v.strip());
                    }
                });
                Column named = source == null ? null : source.column(col.fromColumn());
                String what = named == null ? col.name() : named.name();
                checkedTexts.getOrDefault(table.code(), Map.of()).forEach((cell, v) -> {
                    if (cell.endsWith("." + col.code()) && v != null && !v.isBlank() && !allowed.contains(v.strip())) {
                        String row = TableFigures.rowOf(cell);
                        problems.add(where(t, table) + "：第 " + row + " 行“" + col.name() + "”“" + v.strip() + "”不在"
                                + where(t, source) + "的“" + what + "”中");
                        errors.put(table.cellPrefix() + cell, "须为" + where(t, source) + "中已填的" + what);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            return new TableFigures.Checked(Map.of(), Map.of(), List.copyOf(problems), errors, List.copyOf(breaches));
        }
        return new TableFigures.Checked(numbers, texts, List.of(), Map.of(), List.copyOf(breaches));
    }

    /** Every table's totals named as among a unit's values (a zero report's: all zeros). */
    public static Map<String, BigDecimal> totals(List<StatTable> tables, Map<String, BigDecimal> numbers) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (StatTable table : tables) {
            out.putAll(named(table, TableFigures.totals(table, cellsOf(table, numbers))));
        }
        return out;
    }

    /** The rules each table's rows break, as handed in (the reviewer sees them beside the figures). */
    public static List<FigureRules.Breach> breaches(CampaignTemplate t, List<StatTable> tables,
                                                    Function<StatTable, List<TableFigures.Line>> lines, Map<String, BigDecimal> numbers) {
        List<FigureRules.Breach> out = new ArrayList<>();
        for (StatTable table : tables) {
            String head = t.severalTables() ? where(t, table) + "：" : "";
            TableFigures.breaches(table, t.rulesOf(table), lines.apply(table), cellsOf(table, numbers))
                    .forEach(b -> out.add(new FigureRules.Breach(b.rule(), head + b.message(), b.hard())));
        }
        return out;
    }

    /**
     * An intermediate's table built from its members' reports ({@code carry}): in each member's row, the number
     * columns it shares by code with the members' table hold that member's approved total of it, whatever the form
     * sent. {@code members} are the rows of the members (the intermediate's own row is typed), {@code approved} each
     * approved member's figures as stored (its totals among them). A member not approved yet is {@code missing}:
     * its row stays empty, and the intermediate must say why in its note.
     */
    public record Carried(Map<String, String> cells, List<String> missing) {
        public static final Carried NONE = new Carried(Map.of(), List.of());
    }

    public static Carried carry(StatTable table, StatTable source, List<TableFigures.Line> members,
                                Map<String, Map<String, BigDecimal>> approved) {
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<Column> columns = table.carriedColumns(source);
        for (TableFigures.Line member : members) {
            Map<String, BigDecimal> figures = approved.get(member.key());
            if (figures == null) {
                missing.add(member.label());
                continue;
            }
            for (Column c : columns) {
                BigDecimal v = figures.get(source.cellPrefix() + TableFigures.cell(TableFigures.TOTAL, c.code()));
                cells.put(table.cellPrefix() + TableFigures.cell(member.key(), c.code()),
                        (v == null ? BigDecimal.ZERO : v).stripTrailingZeros().toPlainString());
            }
        }
        return new Carried(cells, List.copyOf(missing));
    }
}
