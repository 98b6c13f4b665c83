package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.ColumnType;
import cn.duban.campaign.CampaignTemplate.Row;
import cn.duban.campaign.CampaignTemplate.Rows;
import cn.duban.campaign.CampaignTemplate.StatTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table as the views print it: its 合计 row is printed only where the table has one, and then holds the totals it is
 * given (the unit's, or the county's) — never a sum of its own (issue 28 §1). Pure.
 */
class TableGridTest {

    static final List<Column> COLUMNS = List.of(
            new Column("sites", "监测点", "个", ColumnType.INTEGER, null, null, null, null, null),
            new Column("funds", "经费", "万元", ColumnType.DECIMAL, 2, null, null, null, null));
    static final List<TableFigures.Line> ROWS = List.of(new TableFigures.Line("a", "甲类"), new TableFigures.Line("b", "乙类"));

    static StatTable table(boolean totalRow) {
        return new StatTable(null, COLUMNS, new Rows(List.of(new Row("a", "甲类"), new Row("b", "乙类")), null, null), totalRow);
    }

    /** One unit's figures as handed in: its rows and the totals stored with them. */
    static final Map<String, BigDecimal> UNIT = Map.of("a.sites", new BigDecimal("2"), "a.funds", new BigDecimal("1.25"),
            "b.sites", new BigDecimal("3"), "b.funds", new BigDecimal("0.50"),
            "_total.sites", new BigDecimal("5"), "_total.funds", new BigDecimal("1.75"));

    /** The county's totals (ReportFigures.approvedTotals, by cell), deliberately not the sum of the one unit above. */
    static final Map<String, BigDecimal> COUNTY = Map.of("a.sites", new BigDecimal("20"), "b.sites", new BigDecimal("30"),
            "_total.sites", new BigDecimal("50"), "_total.funds", new BigDecimal("17.5"));

    @ParameterizedTest(name = "totalRow: {0}")
    @ValueSource(booleans = {true, false})
    void theTotalRowIsPrintedOnlyWhereTheTableHasOneAndHoldsTheTotalsGiven(boolean totalRow) {
        StatTable t = table(totalRow);
        TableGrid unit = TableGrid.ofUnit(t, ROWS, UNIT, Map.of());
        TableGrid units = TableGrid.ofUnits(t, List.of(new TableGrid.UnitRows("东镇卫生院", ROWS, UNIT, Map.of())), COUNTY);
        TableGrid summed = TableGrid.summed(t, COUNTY);
        assertThat(unit.rows()).extracting(r -> r.cells().get("funds")).containsExactly(new BigDecimal("1.25"), new BigDecimal("0.50"));
        assertThat(units.rows()).extracting(TableGrid.GridRow::unit).containsOnly("东镇卫生院");
        assertThat(summed.rows()).extracting(r -> r.cells().get("sites")).containsExactly(new BigDecimal("20"), new BigDecimal("30"));
        if (!totalRow) {
            assertThat(List.of(unit, units, summed)).allSatisfy(g -> assertThat(g.total()).isNull());
            return;
        }
        assertThat(unit.total().cells()).containsEntry("sites", new BigDecimal("5")).containsEntry("funds", new BigDecimal("1.75"));
        assertThat(List.of(units, summed)).allSatisfy(g -> assertThat(g.total().cells())
                .containsEntry("sites", new BigDecimal("50")).containsEntry("funds", new BigDecimal("17.50")));
    }

    @ParameterizedTest(name = "totalRow: {0}")
    @ValueSource(booleans = {true, false})
    void aUnitsFigureInEachUnitsRowIsItsTotalOfTheColumnWhetherOrNotTheTableShowsIt(boolean totalRow) {
        var template = new CampaignTemplate("c", "关于报送的通知", null, "县卫生健康局", "综合监督科", null, "各单位：", null, null, null, null,
                null, null, false, null, null, null, null, table(totalRow), null);
        assertThat(FigureColumn.of(template)).extracting(FigureColumn::key, FigureColumn::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_total.sites", "监测点（个）合计"),
                        org.assertj.core.groups.Tuple.tuple("_total.funds", "经费（万元）合计"));
    }
}
