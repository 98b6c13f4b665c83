package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.campaign.CampaignTemplate.ColumnType;
import cn.duban.campaign.CampaignTemplate.Added;
import cn.duban.campaign.CampaignTemplate.Row;
import cn.duban.campaign.CampaignTemplate.Rows;
import cn.duban.campaign.CampaignTemplate.StatTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * The fill-in form's own JavaScript (duban/sheet-rules.js), run as it is in Rhino, a pure-Java engine — no Node, no
 * browser, in the fast loop (issue 29 §1). What it shows a person as they type is held to what the server computes:
 * for every table shape (fixed rows with a computed column, rows the unit adds, a row per sub-unit with the unit's own
 * row, decimals) and many random fillings, each column's 合计 the form prints equals report.TableFigures' total of it.
 */
class SheetRulesTest {

    static final Path SCRIPT = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/duban/sheet-rules.js");
    static final ObjectMapper JSON = new ObjectMapper();
    static Context cx;
    static Scriptable scope;

    @BeforeAll
    static void load() throws Exception {
        cx = Context.enter();
        cx.setLanguageVersion(Context.VERSION_ES6);
        scope = cx.initStandardObjects();
        cx.evaluateString(scope, Files.readString(SCRIPT), "sheet-rules.js", 1, null);
    }

    @AfterAll
    static void unload() {
        Context.exit();
    }

    static String js(String expression) {
        return Context.toString(cx.evaluateString(scope, expression, "test", 1, null));
    }

    static String json(Object o) throws Exception {
        return JSON.writeValueAsString(o);
    }

    static final Column SITES = new Column("sites", "监测点", "个", ColumnType.INTEGER, null, null, null, null, null);
    static final Column FUNDS = new Column("funds", "经费", "万元", ColumnType.DECIMAL, 2, null, null, null, null);
    static final Column ALL = new Column("all", "合计", null, null, null, null, null, List.of("sites", "funds"), null);
    static final Column AREA = new Column("area", "面积", "平方米", ColumnType.DECIMAL, 3, false, null, null, null);
    static final Column REMARK = new Column("remark", "备注", null, ColumnType.TEXT, null, null, null, null, 50);

    static Stream<Arguments> shapes() {
        List<TableFigures.Line> towns = List.of(new TableFigures.Line("own", "本级"), new TableFigures.Line("dz", "东镇"),
                new TableFigures.Line("xz", "西镇"));
        return Stream.of(
                Arguments.of("固定行、含合计列", new StatTable(null, List.of(SITES, FUNDS, ALL, REMARK),
                        new Rows(List.of(new Row("a", "甲"), new Row("b", "乙"), new Row("c", "丙")), null, null), true), List.of(), 3),
                Arguments.of("逐行添加", new StatTable("活动", List.of(SITES, FUNDS, AREA), new Rows(null, null, new Added(1, 20)), false),
                        List.of(), 7),
                Arguments.of("每个下级单位一行（含本级）", new StatTable("乡镇", List.of(SITES, FUNDS, ALL, AREA),
                        new Rows(null, true, null, true), true), towns, 3));
    }

    /** Every column's 合计 as the form prints it equals the server's total, for each shape and many fillings. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theFormsTotalsAreTheServers(String shape, StatTable table, List<TableFigures.Line> subUnits, int rows) throws Exception {
        Random random = new Random(shape.hashCode());
        for (int round = 0; round < 40; round++) {
            Map<String, String> raw = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>();
            if (table.rowsAdded()) {
                for (int r = 1; r <= rows; r++) {
                    keys.add(String.valueOf(r));
                }
            } else if (table.rowsPerSubUnit()) {
                subUnits.forEach(l -> keys.add(l.key()));
            } else {
                table.fixedRows().forEach(r -> keys.add(r.code()));
            }
            for (String row : keys) {
                raw.put(row + ".sites", String.valueOf(random.nextInt(100_000)));
                raw.put(row + ".funds", BigDecimal.valueOf(random.nextInt(10_000_000), 2).toPlainString());
                if (table.column("area") != null && random.nextBoolean()) {
                    raw.put(row + ".area", BigDecimal.valueOf(random.nextInt(100_000_000), random.nextInt(4)).toPlainString());
                }
                if (table.column("remark") != null) {
                    raw.put(row + ".remark", "第" + row + "行");
                }
            }
            TableFigures.Checked checked = TableFigures.check(table, List.of(), subUnits, raw);
            assertThat(checked.problems()).as(shape).isEmpty();
            Map<String, BigDecimal> server = TableFigures.totals(table, checked.numbers());

            Map<String, Object> sheet = new LinkedHashMap<>();
            sheet.put("prefix", "");
            sheet.put("code", null);
            sheet.put("columns", TableGrid.GridColumn.of(table));
            List<TableFigures.Line> lines = TableFigures.lines(table, subUnits, raw.keySet());
            for (TableGrid.GridColumn c : TableGrid.GridColumn.of(table)) {
                if (!c.numeric()) {
                    continue;
                }
                String shown = js("dubanSheet.columnTotal(" + json(sheet) + ", " + json(c) + ", " + json(lines) + ", " + json(raw) + ")");
                assertThat(new BigDecimal(shown)).as("%s, round %d, 合计 of %s", shape, round, c.code())
                        .isEqualByComparingTo(server.get(TableFigures.cell(TableFigures.TOTAL, c.code())));
                assertThat(shown).as("printed in its scale").matches(c.scale() == 0 ? "-?\\d+" : "-?\\d+\\.\\d{" + c.scale() + "}");
            }
        }
    }

    /** A simple table's subtotal row adds the rows it names, a thousands separator read as the server reads it. */
    @Test
    void aSimpleTablesSubtotalAddsItsRows() throws Exception {
        assertThat(js("dubanSheet.subtotal({sumOf: ['3', '4']}, " + json(Map.of("3", "1,200", "4", "34", "5", "9")) + ")")).isEqualTo("1234");
        assertThat(js("dubanSheet.subtotal({sumOf: ['3']}, {})")).isEqualTo("0");
    }

    /** A handed-in version's computed cells and 合计 row are not what a person typed: the form refills the rest. */
    @Test
    void whatAPersonTypedIsRefilledAndWhatWasComputedIsNot() throws Exception {
        StatTable t = new StatTable(null, List.of(SITES, FUNDS, ALL), new Rows(List.of(new Row("a", "甲")), null, null), true);
        Map<String, Object> sheet = Map.of("prefix", "", "columns", TableGrid.GridColumn.of(t));
        Map<String, Object> report = Map.of("values", Map.of("a.sites", 3, "a.funds", 1.5, "a.all", 4.5, "_total.sites", 3),
                "texts", Map.of("a.remark", "无"));
        String typed = js("JSON.stringify(dubanSheet.typedValues([" + json(sheet) + "], " + json(report) + "))");
        assertThat(JSON.readTree(typed).fieldNames()).toIterable().containsExactlyInAnyOrder("a.sites", "a.funds", "a.remark");
    }

    /** Of several forms, a cell is its form's by its prefix; a choice of another form's values lists them once each. */
    @Test
    void severalFormsNameTheirCellsAndAChoiceOffersTheOtherFormsValues() throws Exception {
        Map<String, Object> buildings = Map.of("code", "buildings", "prefix", "buildings:", "added", Map.of("min", 1, "max", 9),
                "columns", List.of(), "from", Map.of());
        Map<String, Object> hazards = Map.of("code", "hazards", "prefix", "hazards:", "added", Map.of("min", 0, "max", 9),
                "columns", List.of(), "from", Map.of("building", Map.of("table", "buildings", "column", "name")));
        String sheets = json(List.of(buildings, hazards));
        Map<String, String> values = Map.of("buildings:1.name", "门诊楼", "buildings:2.name", " 后勤楼 ", "buildings:3.name", "门诊楼",
                "hazards:1.building", "后勤楼");
        assertThat(js("dubanSheet.name(" + json(hazards) + ", '1', 'building')")).isEqualTo("c_hazards_1_building");
        assertThat(js("dubanSheet.addedRows(" + sheets + ", " + json(buildings) + ", " + json(values) + ")")).isEqualTo("3");
        assertThat(js("dubanSheet.addedRows(" + sheets + ", " + json(hazards) + ", {})")).as("at least one row").isEqualTo("1");
        String lines = "{'buildings:': [{key: '1'}, {key: '2'}, {key: '3'}]}";
        assertThat(js("JSON.stringify(dubanSheet.fromValues(" + sheets + ", " + lines + ", " + json(values) + ", " + json(hazards)
                + ", {code: 'building'}, '1'))")).isEqualTo("[\"门诊楼\",\"后勤楼\"]");
    }

    /** A roll-up's carried cells are the server's: set where a member is approved, emptied where it is not. */
    @Test
    void carriedCellsAreTheServersAndCannotBeTyped() throws Exception {
        Map<String, Object> county = Map.of("code", "county", "prefix", "county:", "carriedRows", List.of("m1", "m2"),
                "carriedColumns", List.of("found"), "carried", Map.of("county:m1.found", "6"));
        Map<String, String> typed = new LinkedHashMap<>(Map.of("county:m1.found", "999", "county:m2.found", "5", "county:own.found", "1"));
        String after = js("JSON.stringify(dubanSheet.carry([" + json(county) + "], " + json(typed) + "))");
        assertThat(JSON.readValue(after, Map.class)).isEqualTo(Map.of("county:m1.found", "6", "county:own.found", "1"));
        assertThat(js("dubanSheet.carried(" + json(county) + ", 'm1', 'found')")).isEqualTo("true");
        assertThat(js("dubanSheet.carried(" + json(county) + ", 'own', 'found')")).isEqualTo("false");
    }
}
