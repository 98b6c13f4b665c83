package cn.duban.report;

import cn.duban.campaign.CampaignTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure a unit's report adds to a total, wherever reports stand side by side (a row per unit in 各单位明细,
 * a series' cumulative figures): an indicator, or the unit's total of a number column of a table with columns
 * ({@link TableFigures#totals}, stored with every version whether or not the table shows its 合计 row).
 *
 * @param key   where the figure is among a version's values ({@code 5}, {@code _total.funds})
 * @param title its heading with its unit of measure (受理消费者投诉（件）, 投入经费（万元）合计)
 */
public record FigureColumn(String key, String name, String unit, String title, int scale) {

    public static List<FigureColumn> of(CampaignTemplate t) {
        List<FigureColumn> out = new ArrayList<>();
        t.indicators().forEach(i -> out.add(new FigureColumn(i.code(), i.name(), i.unit(), i.name() + "（" + i.unit() + "）", i.effectiveScale())));
        // a table's number columns, each table's in the order of the notice's attachments; a name two tables share
        // is told apart by its table's title
        java.util.Map<String, Long> names = t.allTables().stream().flatMap(x -> x.numericColumns().stream())
                .collect(java.util.stream.Collectors.groupingBy(c -> c.name(), java.util.stream.Collectors.counting()));
        for (var table : t.allTables()) {
            table.numericColumns().forEach(c -> {
                String unit = c.unit() == null ? "" : c.unit();
                String name = names.get(c.name()) > 1 ? t.titleOf(table) + "·" + c.name() : c.name();
                // the unit's total of the column, whether or not the table prints its 合计 row
                out.add(new FigureColumn(table.cellPrefix() + TableFigures.cell(TableFigures.TOTAL, c.code()), name, unit,
                        name + (unit.isBlank() ? "" : "（" + unit + "）") + "合计", TableFigures.scale(c, table)));
            });
        }
        return out;
    }
}
