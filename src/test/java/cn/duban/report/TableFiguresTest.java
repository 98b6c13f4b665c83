package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.Added;
import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.ColumnType;
import cn.duban.campaign.CampaignTemplate.Row;
import cn.duban.campaign.CampaignTemplate.Rows;
import cn.duban.campaign.CampaignTemplate.Rule;
import cn.duban.campaign.CampaignTemplate.StatTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.duban.campaign.FigureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A statistics table with columns, checked without Spring or the engine. */
class TableFiguresTest {

    static final List<Column> COLUMNS = List.of(
            new Column("sites", "监测点", "个", ColumnType.INTEGER, null, null, null, null, null),
            new Column("funds", "经费", "万元", ColumnType.DECIMAL, 2, null, null, null, null),
            new Column("all", "合计", null, null, null, null, null, List.of("sites", "funds"), null),
            new Column("day", "开展日期", null, ColumnType.DATE, null, true, null, null, null),
            new Column("kind", "方式", null, ColumnType.CHOICE, null, null, List.of("自查", "抽查"), null, null),
            new Column("remark", "备注", null, ColumnType.TEXT, null, null, null, null, 10));
    static final List<TableFigures.Line> TOWNS = List.of(new TableFigures.Line("dz", "东镇"), new TableFigures.Line("xz", "西镇"));
    static final List<Rule> RULES = List.of(new Rule(null, "[funds] <= 100", "经费超过 100 万元，请核实", false));

    static StatTable perSubUnit() {
        return new StatTable("乡镇", COLUMNS, new Rows(null, true, null), null);
    }

    @Test
    void aTextWithAFormatIsCheckedAgainstIt() {
        var floors = new Column("floors", "层数", null, ColumnType.TEXT, null, true, null, null, null, "地上\\d+层，地下\\d+层", "地上3层，地下1层");
        var t = new StatTable("建筑", List.of(floors), new Rows(List.of(new Row("a", "教学楼")), null, null), false);
        assertThat(TableFigures.check(t, List.of(), List.of(), Map.of("a.floors", "地上4层，地下0层")).passes()).isTrue();
        var bad = TableFigures.check(t, List.of(), List.of(), Map.of("a.floors", "四层"));
        assertThat(bad.fieldErrors()).containsEntry("a.floors", "格式不对，应形如“地上3层，地下1层”");
    }

    @Test
    void aRowPerSubUnitIsCheckedCellByCellWithComputedColumnsAndTheTotalRow() {
        var c = TableFigures.check(perSubUnit(), RULES, TOWNS, Map.of(
                "dz.sites", "3", "dz.funds", "1.5", "dz.day", "2026/3/5", "dz.kind", "自查", "dz.remark", "含村卫生室",
                "xz.sites", "2", "xz.funds", "120", "xz.day", "2026-03-06"));
        assertThat(c.passes()).isTrue();
        assertThat(c.numbers()).containsEntry("dz.all", new BigDecimal("4.50")).containsEntry("_total.sites", new BigDecimal("5"))
                .containsEntry("_total.funds", new BigDecimal("121.50")).containsEntry("_total.all", new BigDecimal("126.50"));
        assertThat(c.texts()).containsEntry("dz.day", "2026-03-05").containsEntry("dz.remark", "含村卫生室")
                .doesNotContainKey("xz.remark");
        assertThat(c.breaches()).singleElement().satisfies(b -> assertThat(b.message()).isEqualTo("西镇：经费超过 100 万元，请核实"));
    }

    @Test
    void everyBadCellIsNamedByItsRowAndColumn() {
        var c = TableFigures.check(perSubUnit(), RULES, TOWNS, Map.of(
                "dz.sites", "1.5", "dz.funds", "x", "dz.day", "2026-02-30", "dz.kind", "普查", "dz.remark", "超过十个字的很长的备注内容",
                "nowhere.sites", "1"));
        assertThat(c.passes()).isFalse();
        assertThat(c.fieldErrors()).containsEntry("dz.sites", "须为整数（单位：个）").containsEntry("dz.funds", "不是数字")
                .containsEntry("dz.day", "不是有效日期（如 2026-03-15）").containsEntry("dz.kind", "请从列表中选择（自查、抽查）")
                .containsEntry("dz.remark", "过长，最多 10 字").containsEntry("xz.sites", "必填，没有请填 0")
                .containsEntry("xz.day", "必填").containsEntry("nowhere.sites", "统计表中没有这一格")
                .doesNotContainKey("xz.remark");
        assertThat(c.problems()).contains("第 1 行“东镇”“监测点”须为整数（单位：个）");
    }

    @Test
    void addedRowsAreTheNumberedRowsTheUnitFilledAndTheirCountIsChecked() {
        var t = new StatTable("活动", List.of(COLUMNS.get(0), COLUMNS.get(5)), new Rows(null, null, new Added(2, 3)), null);
        assertThat(TableFigures.lines(t, List.of(), Set.of("2.sites", "10.sites", "1.remark", "_total.sites")))
                .extracting(TableFigures.Line::key).containsExactly("1", "2", "10");
        assertThat(TableFigures.lines(t, List.of(), Set.of("2.sites", "10.sites", "1.remark")))
                .as("printed as the form's 序号, whatever rows were deleted between").extracting(TableFigures.Line::label).containsExactly("1", "2", "3");
        assertThat(t.heading()).isEqualTo("活动");
        assertThat(new StatTable(null, t.columns(), t.rows(), null).heading()).as("no 事项 column beside the form's").isEqualTo("序号");
        var twoUnits = TableGrid.ofUnits(t, List.of(
                new TableGrid.UnitRows("东镇", List.of(new TableFigures.Line("1", "1"), new TableFigures.Line("4", "2")), Map.of(), Map.of()),
                new TableGrid.UnitRows("西镇", List.of(new TableFigures.Line("1", "1")), Map.of(), Map.of())), Map.of());
        assertThat(twoUnits.rows()).extracting(TableGrid.GridRow::label).as("numbered through the county's table").containsExactly("1", "2", "3");
        var one = TableFigures.check(t, List.of(), List.of(), Map.of("1.sites", "4", "2.sites", " "));
        assertThat(one.fieldErrors()).containsEntry("table", "至少填写 2 行");
        var two = TableFigures.check(t, List.of(), List.of(), Map.of("1.sites", "4", "2.sites", "6", "2.remark", "义诊"));
        assertThat(two.passes()).isTrue();
        assertThat(two.numbers()).containsEntry("_total.sites", new BigDecimal("10"));
        var four = TableFigures.check(t, List.of(), List.of(), Map.of("1.sites", "1", "2.sites", "1", "3.sites", "1", "4.sites", "1"));
        assertThat(four.fieldErrors()).containsEntry("table", "最多 3 行");
    }

    @Test
    void aRuleNamingCellsHoldsOnceOverTheTableAndOneNamingColumnsOnEveryRow() {
        var t = new StatTable(null, List.of(COLUMNS.get(0), COLUMNS.get(1)),
                new Rows(List.of(new Row("a", "甲类"), new Row("b", "乙类")), null, null), null);
        var rules = List.of(new Rule(null, "[b.sites] <= [a.sites]", "乙类监测点不应多于甲类", true),
                new Rule(null, "[_total.funds] <= 10", "经费合计超过 10 万元，请核实", false),
                new Rule("[sites] > 0", "[funds] > 0", "有监测点应有经费", false));
        var c = TableFiguresTest.check(t, rules, Map.of("a.sites", "1", "a.funds", "0", "b.sites", "2", "b.funds", "11"));
        assertThat(c.breaches()).extracting(b -> b.rule() + ":" + b.message() + ":" + b.hard())
                .containsExactly("0:乙类监测点不应多于甲类:true", "1:经费合计超过 10 万元，请核实:false", "2:甲类：有监测点应有经费:false");
    }

    private static TableFigures.Checked check(StatTable t, List<Rule> rules, Map<String, String> raw) {
        return TableFigures.check(t, rules, List.of(), raw);
    }

    @Test
    void fixedRowsWithoutATotalRowStillHaveTheUnitsTotals() {
        var t = new StatTable(null, List.of(COLUMNS.get(0)), new Rows(List.of(new Row("a", "甲类"), new Row("b", "乙类")), null, null), false);
        var c = TableFigures.check(t, List.of(), List.of(), Map.of("a.sites", "1", "b.sites", "0"));
        assertThat(c.passes()).isTrue();
        assertThat(c.numbers()).containsOnlyKeys("a.sites", "b.sites", "_total.sites").containsEntry("_total.sites", new BigDecimal("1"));
        assertThat(t.heading()).isEqualTo("项目");
    }

    /** The table shapes a notice may have, each with and without its 合计 row (issue 28 §1). */
    static Stream<Arguments> shapes() {
        var fixed = new Rows(List.of(new Row("a", "甲类"), new Row("b", "乙类"), new Row("c", "丙类")), null, null);
        var added = new Rows(null, null, new Added(1, 10));
        var subUnits = new Rows(null, true, null);
        List<Arguments> out = new java.util.ArrayList<>();
        for (Boolean totalRow : java.util.Arrays.asList(true, false, null)) {
            out.add(Arguments.of("固定行", totalRow, new StatTable(null, List.of(COLUMNS.get(0), COLUMNS.get(1), COLUMNS.get(5)), fixed, totalRow),
                    List.of("a", "b", "c")));
            out.add(Arguments.of("逐行添加", totalRow, new StatTable("活动", List.of(COLUMNS.get(0), COLUMNS.get(1)), added, totalRow), List.of("1", "2", "3", "7")));
            out.add(Arguments.of("每个下级单位一行", totalRow, new StatTable("乡镇", List.of(COLUMNS.get(0), COLUMNS.get(1)), subUnits, totalRow), List.of("dz", "xz")));
            out.add(Arguments.of("含合计列", totalRow, new StatTable(null, List.of(COLUMNS.get(0), COLUMNS.get(1), COLUMNS.get(2)), fixed, totalRow),
                    List.of("a", "b", "c")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, totalRow: {1}")
    @MethodSource("shapes")
    void aUnitsTotalOfEveryNumberColumnIsTheSumOfItsRowsWhetherOrNotTheTableShowsIt(String shape, Boolean totalRow, StatTable t,
                                                                                  List<String> rows) {
        Map<String, String> typed = new java.util.HashMap<>();
        BigDecimal sites = BigDecimal.ZERO;
        BigDecimal funds = BigDecimal.ZERO;
        for (int r = 0; r < rows.size(); r++) {
            BigDecimal s = BigDecimal.valueOf(3L * r + 2);
            BigDecimal f = BigDecimal.valueOf(125L * r + 7, 2);
            typed.put(rows.get(r) + ".sites", s.toPlainString());
            typed.put(rows.get(r) + ".funds", f.toPlainString());
            sites = sites.add(s);
            funds = funds.add(f);
        }
        var c = TableFigures.check(t, List.of(), TOWNS, typed);
        assertThat(c.passes()).as(c.problems().toString()).isTrue();
        assertThat(c.numbers().get("_total.sites")).isEqualTo(sites);
        assertThat(c.numbers().get("_total.funds")).isEqualTo(funds.setScale(2));
        if (t.column("all") != null) {
            assertThat(c.numbers().get("_total.all")).isEqualTo(sites.add(funds).setScale(2));
        }
        assertThat(c.numbers().keySet().stream().filter(k -> k.startsWith("_total."))).hasSize(t.numericColumns().size());
        // read back from a stored version (its totals among its cells), the totals come out the same, not doubled
        assertThat(TableFigures.totals(t, c.numbers())).containsExactlyInAnyOrderEntriesOf(
                Map.copyOf(c.numbers().entrySet().stream().filter(e -> e.getKey().startsWith("_total."))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    @Test
    void aRuleOnATotalHoldsWhenTheTableShowsNoTotalRow() {
        var t = new StatTable(null, List.of(COLUMNS.get(0), COLUMNS.get(1)),
                new Rows(List.of(new Row("a", "甲类"), new Row("b", "乙类")), null, null), false);
        var rules = List.of(new Rule(null, "[_total.funds] <= 10", "经费合计超过 10 万元，请核实", false));
        var c = check(t, rules, Map.of("a.sites", "1", "a.funds", "6", "b.sites", "2", "b.funds", "5"));
        assertThat(c.breaches()).extracting(FigureRules.Breach::message).containsExactly("经费合计超过 10 万元，请核实");
    }

    @Test
    void aColumnLeftEmptyTotalsZero() {
        var optional = new Column("extra", "其他", "个", ColumnType.INTEGER, null, false, null, null, null);
        var t = new StatTable(null, List.of(COLUMNS.get(0), optional), new Rows(List.of(new Row("a", "甲类")), null, null), false);
        var c = check(t, List.of(), Map.of("a.sites", "4"));
        assertThat(c.numbers()).containsEntry("_total.sites", new BigDecimal("4")).containsEntry("_total.extra", new BigDecimal("0"));
    }
}
