package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.duban.Driver;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.unit.UnitAdmin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import org.assertj.core.api.SoftAssertions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 28 §1: every total duban prints, for every shape of statistics table with and without its 合计 row, equals the
 * sum the test works out itself from the figures it handed in — never from duban's own code. Each case issues a notice,
 * has two units approved, one handed in but not approved (its figures must count nowhere) and one silent, then reads
 * what the section reads, over HTTP: the 督办看板's JSON, {@code /summary}'s JSON, a unit's page, every sheet of the county
 * workbook (POI), the 督办通报 as sent for 核稿 (its Word file), and the upward package (its workbook and each unit's
 * table). Where the table has no 合计 row, none is printed; every figure that is a total is right all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableTotalsIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired TemplateCatalog catalog;
    @Autowired UnitAdmin unitAdmin;
    final ObjectMapper json = new ObjectMapper();
    /** Every wrong figure of a case is told, not only the first: each output is checked to its end. */
    SoftAssertions softly;

    /** The units reporting a row per sub-unit (made for this class: three with sub-units of their own), and those sub-units. */
    final List<String> parents = new ArrayList<>();
    final Map<String, List<String[]>> subUnits = new LinkedHashMap<>();

    @BeforeAll
    void unitsWithSubUnits() {
        driver.sectionPeople();
        long n = System.nanoTime() % 100_000;
        for (int p = 0; p < 3; p++) {
            String parent = "tt" + n + "abc".charAt(p);
            unitAdmin.create(new UnitAdmin.UnitForm(parent, "合计核对中心" + parent, "hospital", null, null, null, "填报员",
                    parent + "-reporter", null), "ops1");
            List<String[]> children = new ArrayList<>();
            for (int k = 0; k < (p == 0 ? 3 : 2); k++) {
                String child = parent + "s" + k;
                String name = "合计核对卫生室" + child;
                unitAdmin.create(new UnitAdmin.UnitForm(child, name, "township", null, null, null, "填报员", child + "-reporter", parent), "ops1");
                children.add(new String[] {child, name});
            }
            parents.add(parent);
            subUnits.put(parent, children);
        }
    }

    @AfterAll
    void deactivate() {
        subUnits.values().forEach(children -> children.forEach(c -> unitAdmin.setActive(c[0], false, "test")));
        parents.forEach(p -> unitAdmin.setActive(p, false, "test"));
    }

    enum Shape { INDICATORS, FIXED_ROWS, ADDED_ROWS, SUB_UNIT_ROWS, COMPUTED_COLUMNS }

    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        out.add(arguments(Shape.INDICATORS, null)); // an indicators-only table has no 合计 row to show or hide
        for (Shape s : List.of(Shape.FIXED_ROWS, Shape.ADDED_ROWS, Shape.SUB_UNIT_ROWS, Shape.COMPUTED_COLUMNS)) {
            out.add(arguments(s, true));
            out.add(arguments(s, false));
        }
        return out.stream();
    }

    /** A number column (or indicator) as the test wrote it: {@code adds} are the columns a computed one sums; {@code scale} as shown. */
    record Num(String code, String name, String unit, int scale, List<String> adds) {
        String heading() {
            return name + (unit.isEmpty() ? "" : "（" + unit + "）");
        }
    }

    /** One row a unit handed in: its key, its heading and its numbers (the computed ones worked out by the test). */
    record Line(String key, String label, Map<String, BigDecimal> numbers) {}

    /** One unit's hand-in as the test made it: its rows and the cells as typed. */
    record Handed(String unit, String unitName, List<Line> lines, Map<String, String> typed) {}

    /** A table as printed: its rows (with the unit where several units' rows stand together) and its 合计 row, or null. */
    record Grid(List<GridLine> rows, Map<String, BigDecimal> total) {}

    record GridLine(String unit, String label, Map<String, BigDecimal> cells) {}

    static final String HEAD = """
            code: %s
            title: 关于报送%s合计核对情况的通知
            issuer: 沂源县卫生健康局
            section: 综合监督科
            noticeText: 各单位：请按附表填报。
            targets: {units: [%s]}
            deadline: {daysAfterIssue: 10}
            tableTitle: %s合计核对统计表
            """;

    static final List<String[]> FIXED = List.of(new String[] {"a", "医疗机构"}, new String[] {"b", "公共场所"}, new String[] {"c", "学校"});
    static final List<String[]> SEASONS = List.of(new String[] {"spring", "春季"}, new String[] {"summer", "夏季"});

    /** The template's table (or indicators), its number columns, and (fixed rows) its rows. */
    /** {@code numbered}: rows the units add, which workbooks number in their 序号 column only (no column for the row heading). */
    record Template(String yaml, List<Num> numbers, List<String[]> fixedRows, boolean numbered) {
        Template(String yaml, List<Num> numbers, List<String[]> fixedRows) {
            this(yaml, numbers, fixedRows, false);
        }
    }

    static Template template(Shape shape, Boolean totalRow) {
        String total = totalRow == null ? "" : "  totalRow: " + totalRow + "\n";
        return switch (shape) {
            case INDICATORS -> new Template("""
                    indicators:
                      - {code: events, name: 宣传活动, unit: 场, type: integer}
                      - {code: consults, name: 受理咨询, unit: 件, type: integer}
                      - {code: cost, name: 经费投入, unit: 万元, type: decimal, scale: 2}
                      - {code: contacts, name: 活动和咨询小计, unit: 件, type: integer, sumOf: [events, consults]}
                    """, List.of(new Num("events", "宣传活动", "场", 0, List.of()), new Num("consults", "受理咨询", "件", 0, List.of()),
                    new Num("cost", "经费投入", "万元", 2, List.of()), new Num("contacts", "活动和咨询小计", "件", 0, List.of("events", "consults"))),
                    null);
            case FIXED_ROWS -> new Template("""
                    table:
                      rowHeading: 类别
                      rows: {fixed: [{code: a, name: 医疗机构}, {code: b, name: 公共场所}, {code: c, name: 学校}]}
                      columns:
                        - {code: checks, name: 检查户次, unit: 户次, type: integer}
                        - {code: funds, name: 投入经费, unit: 万元, type: decimal, scale: 2}
                        - {code: remark, name: 备注, type: text}
                    """ + total, List.of(new Num("checks", "检查户次", "户次", 0, List.of()), new Num("funds", "投入经费", "万元", 2, List.of())),
                    FIXED);
            case ADDED_ROWS -> new Template("""
                    table:
                      rowHeading: 活动
                      rows: {added: {min: 1, max: 10}}
                      columns:
                        - {code: title, name: 活动名称, type: text, required: true}
                        - {code: people, name: 参与人数, unit: 人次, type: integer}
                        - {code: funds, name: 活动经费, unit: 万元, type: decimal, scale: 2}
                    """ + total, List.of(new Num("people", "参与人数", "人次", 0, List.of()), new Num("funds", "活动经费", "万元", 2, List.of())),
                    null, true);
            case SUB_UNIT_ROWS -> new Template("""
                    table:
                      rowHeading: 卫生室
                      rows: {subUnits: true}
                      columns:
                        - {code: water, name: 清理积水容器, unit: 处, type: integer}
                        - {code: area, name: 投药面积, unit: 万平方米, type: decimal, scale: 2}
                        - {code: remark, name: 备注, type: text}
                    """ + total, List.of(new Num("water", "清理积水容器", "处", 0, List.of()), new Num("area", "投药面积", "万平方米", 2, List.of())),
                    null);
            case COMPUTED_COLUMNS -> new Template("""
                    table:
                      rowHeading: 季节
                      rows: {fixed: [{code: spring, name: 春季}, {code: summer, name: 夏季}]}
                      columns:
                        - {code: own, name: 本级投入, unit: 万元, type: decimal, scale: 2}
                        - {code: grant, name: 上级补助, unit: 万元, type: decimal, scale: 1}
                        - {code: funds, name: 投入小计, unit: 万元, sumOf: [own, grant]}
                        - {code: water, name: 积水容器, unit: 处, type: integer}
                        - {code: rubbish, name: 垃圾堆放点, unit: 处, type: integer}
                        - {code: sites, name: 孳生地小计, unit: 处, sumOf: [water, rubbish]}
                    """ + total, List.of(new Num("own", "本级投入", "万元", 2, List.of()), new Num("grant", "上级补助", "万元", 1, List.of()),
                    new Num("funds", "投入小计", "万元", 2, List.of("own", "grant")), new Num("water", "积水容器", "处", 0, List.of()),
                    new Num("rubbish", "垃圾堆放点", "处", 0, List.of()), new Num("sites", "孳生地小计", "处", 0, List.of("water", "rubbish"))),
                    SEASONS);
        };
    }

    /** A figure distinct for each unit, row and column, with the column's decimals. */
    static BigDecimal figure(int column, int unit, int row, int scale) {
        return BigDecimal.valueOf(11L * (unit + 1) + 5L * row + 2L * column).add(BigDecimal.valueOf(row + 2L * unit + column + 1, scale));
    }

    @ParameterizedTest(name = "{0}, totalRow: {1}")
    @MethodSource("shapes")
    void everyTotalPrintedIsTheSumOfWhatTheApprovedUnitsHandedIn(Shape shape, Boolean totalRow) throws Exception {
        softly = new SoftAssertions();
        boolean perSubUnit = shape == Shape.SUB_UNIT_ROWS;
        List<String> reporting = perSubUnit ? parents : List.of("fybjy", "rmyy", "zyy");
        String silent = perSubUnit ? "rmyy" : "jjzx";
        Template t = template(shape, totalRow);
        String code = "totals-" + shape.name().toLowerCase().replace('_', '-') + "-" + totalRow + "-" + System.nanoTime() % 100_000;
        String targets = String.join(", ", reporting) + ", " + silent;
        String yaml = HEAD.formatted(code, shape.name(), targets, shape.name()) + t.yaml();
        driver.as("drafter1", () -> catalog.upload(yaml, "drafter1"));
        String id = driver.issue(driver.startCampaign(code, null));

        // the first two units are approved, the third handed in and is still under review, the fourth never reports
        List<Handed> handed = new ArrayList<>();
        for (int u = 0; u < reporting.size(); u++) {
            Handed h = handIn(shape, t, reporting.get(u), u);
            driver.sign(id, h.unit());
            driver.stage(id, h.unit(), true, true);
            driver.handIn(id, h.unit(), h.typed(), List.of());
            handed.add(h);
        }
        driver.review(id, reporting.get(0), true, null, null);
        driver.review(id, reporting.get(1), true, null, null);
        List<Handed> approved = handed.subList(0, 2);
        Map<String, BigDecimal> county = new LinkedHashMap<>();
        t.numbers().forEach(n -> county.put(n.code(), approved.stream().map(h -> unitTotal(h, n)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        boolean table = shape != Shape.INDICATORS;
        boolean shown = Boolean.TRUE.equals(totalRow);
        Grid countyTable = !table ? null : t.fixedRows() != null ? summedRows(t, approved, shown ? county : null) : unitsRows(t, approved, shown ? county : null);

        // 督办看板: the totals so far
        JsonNode board = get("/api/dashboard/campaigns/" + id);
        assertPrintedTotals("督办看板", t, county, board.get("totals"), n -> n.get("amount").asText());

        // /summary: the totals, each unit's own total, the county's table and every unit's rows
        JsonNode summary = get("/api/campaigns/" + id + "/summary");
        assertPrintedTotals("/summary", t, county, summary.get("totals"), n -> n.get("amount").decimalValue().toPlainString());
        for (JsonNode u : summary.get("units")) {
            Handed h = handed(approved, u.get("unitCode").asText());
            for (Num n : t.numbers()) {
                JsonNode v = u.get("values").get(table ? "_total." + n.code() : n.code());
                if (h == null) {
                    softly.assertThat(v).as("/summary: %s is not approved, its %s counts nowhere", u.get("unitCode"), n.name()).isNull();
                } else {
                    softly.assertThat(v == null ? null : v.decimalValue()).as("/summary: %s's %s", h.unit(), n.name()).isNotNull()
                            .isEqualByComparingTo(unitTotal(h, n));
                }
            }
        }
        if (table) {
            assertGrid("/summary table", t, countyTable, grid(t, summary.get("table")));
            assertGrid("/summary detail", t, unitsRows(t, approved, shown ? county : null), grid(t, summary.get("detail")));
        }

        // a unit's own page (the 督办看板's 详情, the review): its table, its 合计 row only where the table has one
        for (Handed h : approved) {
            JsonNode page = get("/api/campaigns/" + id + "/units/" + h.unit());
            if (table) {
                assertGrid(h.unit() + "'s page", t, ownRows(h, t, shown), grid(t, page.get("grids").get(0)));
            } else {
                for (Num n : t.numbers()) {
                    softly.assertThat(page.get("versions").get(0).get("values").get(n.code()).decimalValue()).as("%s's page: %s", h.unit(), n.name())
                            .isEqualByComparingTo(unitTotal(h, n));
                }
            }
        }

        // the county workbook, every sheet
        assertCountyWorkbook("全县汇总表", getBytes("/api/campaigns/" + id + "/exports/summary.xlsx"), t, shape, handed, approved, county,
                countyTable, shown, silent);

        // the 督办通报 as sent for 核稿 and 签发: its 已汇总数据
        JsonNode sent = post("/api/campaigns/" + id + "/circulars");
        byte[] docx = getBytes("/api/circulars/" + sent.get("id").asLong() + "/document.docx");
        assertCircular(docx, t, county);

        // the upward package: its county workbook and each approved unit's own table, no folder for the others
        Map<String, byte[]> zip = unzip(getBytes("/api/campaigns/" + id + "/exports/package.zip"));
        byte[] inner = zip.entrySet().stream().filter(e -> e.getKey().endsWith("（汇总）.xlsx")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertCountyWorkbook("上报材料包", inner, t, shape, handed, approved, county, countyTable, shown, silent);
        for (Handed h : handed) {
            byte[] own = zip.get(h.unitName() + "/统计表.xlsx");
            if (!approved.contains(h)) {
                softly.assertThat(own).as("上报材料包: %s is not approved", h.unit()).isNull();
                continue;
            }
            assertThat(own).as("上报材料包: %s's table", h.unit()).isNotNull();
            try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(own))) {
                Sheet sheet = wb.getSheet("统计表");
                if (table) {
                    assertGrid("上报材料包 " + h.unit() + "/统计表.xlsx", t, ownRows(h, t, shown), grid(sheet, t, false));
                } else {
                    assertIndicatorSheet("上报材料包 " + h.unit() + "/统计表.xlsx", sheet, t, n -> unitTotal(h, n));
                }
            }
        }
        softly.assertAll();
    }

    // ---- the figures, as the test works them out

    Handed handIn(Shape shape, Template t, String unit, int u) {
        List<String[]> rows = switch (shape) {
            case INDICATORS -> List.<String[]>of(new String[] {"", ""});
            case FIXED_ROWS, COMPUTED_COLUMNS -> t.fixedRows();
            case ADDED_ROWS -> {
                List<String[]> added = new ArrayList<>();
                for (int r = 1; r <= new int[] {3, 1, 2}[u]; r++) {
                    added.add(new String[] {String.valueOf(r), String.valueOf(r)});
                }
                yield added;
            }
            case SUB_UNIT_ROWS -> subUnits.get(unit);
        };
        Map<String, String> typed = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String key = rows.get(r)[0];
            Map<String, BigDecimal> numbers = new LinkedHashMap<>();
            for (int c = 0; c < t.numbers().size(); c++) {
                Num n = t.numbers().get(c);
                if (n.adds().isEmpty()) {
                    BigDecimal v = figure(c, u, r, n.scale());
                    numbers.put(n.code(), v);
                    typed.put(cell(shape, key, n.code()), v.toPlainString());
                }
            }
            for (Num n : t.numbers()) {
                if (!n.adds().isEmpty()) {
                    numbers.put(n.code(), n.adds().stream().map(numbers::get).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
            if (shape == Shape.ADDED_ROWS) {
                typed.put(key + ".title", "第" + key + "场宣传活动");
            }
            lines.add(new Line(key, rows.get(r)[1], numbers));
        }
        String name = shape == Shape.SUB_UNIT_ROWS ? "合计核对中心" + unit : UNIT_NAMES.get(unit);
        return new Handed(unit, name, lines, typed);
    }

    static final Map<String, String> UNIT_NAMES = Map.of("rmyy", "沂源县人民医院", "zyy", "沂源县中医医院", "fybjy", "沂源县妇幼保健院",
            "jjzx", "沂源县急救中心");

    static String cell(Shape shape, String row, String column) {
        return shape == Shape.INDICATORS ? column : row + "." + column;
    }

    static BigDecimal unitTotal(Handed h, Num n) {
        return h.lines().stream().map(l -> l.numbers().get(n.code())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Handed handed(List<Handed> among, String unit) {
        return among.stream().filter(h -> h.unit().equals(unit)).findFirst().orElse(null);
    }

    /** Fixed rows summed over the approved units, each cell by its own sum. */
    static Grid summedRows(Template t, List<Handed> approved, Map<String, BigDecimal> total) {
        List<GridLine> rows = new ArrayList<>();
        for (String[] r : t.fixedRows()) {
            Map<String, BigDecimal> cells = new LinkedHashMap<>();
            for (Num n : t.numbers()) {
                cells.put(n.code(), approved.stream().flatMap(h -> h.lines().stream()).filter(l -> l.key().equals(r[0]))
                        .map(l -> l.numbers().get(n.code())).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            rows.add(new GridLine(null, r[1], cells));
        }
        return new Grid(rows, total);
    }

    /** Every approved unit's rows with its name. */
    static Grid unitsRows(Template t, List<Handed> approved, Map<String, BigDecimal> total) {
        List<GridLine> rows = new ArrayList<>();
        // rows the units added are numbered through the table where several units' rows stand together
        approved.forEach(h -> h.lines().forEach(l -> rows.add(new GridLine(h.unitName(),
                t.numbered() ? String.valueOf(rows.size() + 1) : l.label(), l.numbers()))));
        return new Grid(rows, total);
    }

    /** One unit's own table, its 合计 row (where shown) the sum of its rows. */
    static Grid ownRows(Handed h, Template t, boolean shown) {
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        t.numbers().forEach(n -> total.put(n.code(), unitTotal(h, n)));
        return new Grid(h.lines().stream().map(l -> new GridLine(null, l.label(), l.numbers())).toList(), shown ? total : null);
    }

    // ---- what duban printed, read back

    static String printed(BigDecimal v, Num n) {
        return v.setScale(n.scale(), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    void assertPrintedTotals(String where, Template t, Map<String, BigDecimal> county, JsonNode totals,
                             java.util.function.Function<JsonNode, String> amount) {
        Map<String, String> byCode = new LinkedHashMap<>();
        totals.forEach(x -> byCode.put(x.get("code").asText(), amount.apply(x)));
        softly.assertThat(byCode.keySet()).as(where).containsExactlyElementsOf(t.numbers().stream().map(Num::code).toList());
        for (Num n : t.numbers()) {
            softly.assertThat(new BigDecimal(byCode.get(n.code()))).as("%s: %s", where, n.name()).isEqualByComparingTo(county.get(n.code()));
        }
        if (where.equals("督办看板")) {
            // the board prints the amount as text, with the column's decimals
            t.numbers().forEach(n -> softly.assertThat(byCode.get(n.code())).as("%s: %s as printed", where, n.name()).isEqualTo(printed(county.get(n.code()), n)));
        }
    }

    static Grid grid(Template t, JsonNode node) {
        assertThat(node).isNotNull();
        List<GridLine> rows = new ArrayList<>();
        node.get("rows").forEach(r -> rows.add(new GridLine(r.get("unit").isNull() ? null : r.get("unit").asText(), r.get("label").asText(),
                numbers(t, r.get("cells")))));
        JsonNode total = node.get("total");
        return new Grid(rows, total == null || total.isNull() ? null : numbers(t, total.get("cells")));
    }

    static Map<String, BigDecimal> numbers(Template t, JsonNode cells) {
        Map<String, BigDecimal> out = new HashMap<>();
        t.numbers().forEach(n -> out.put(n.code(), cells.hasNonNull(n.code()) ? cells.get(n.code()).decimalValue() : null));
        return out;
    }

    /** A sheet in the attachment's layout: headings on the fourth row, then a row per line and the 合计 row if there is one. */
    static Grid grid(Sheet sheet, Template t, boolean unitColumn) {
        assertThat(sheet).isNotNull();
        Map<String, Integer> columns = new HashMap<>();
        sheet.getRow(3).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
        int lead = (unitColumn ? 3 : 2) - (t.numbered() ? 1 : 0);
        assertThat(columns).as(sheet.getSheetName() + " headings").containsEntry("序号", 0);
        if (t.numbered()) {
            assertThat(columns).as(sheet.getSheetName() + ": rows numbered in 序号 have no second column for it").doesNotContainKeys("活动", "事项");
        }
        if (unitColumn) {
            assertThat(columns).containsEntry("填报单位", 1);
        }
        List<GridLine> rows = new ArrayList<>();
        Map<String, BigDecimal> total = null;
        int end = tableEnd(sheet);
        for (int r = 4; r <= end; r++) {
            Row row = sheet.getRow(r);
            Map<String, BigDecimal> cells = new HashMap<>();
            for (Num n : t.numbers()) {
                assertThat(columns).as("%s: a column %s", sheet.getSheetName(), n.heading()).containsKey(n.heading());
                cells.put(n.code(), number(row.getCell(columns.get(n.heading()))));
            }
            Cell first = row.getCell(0);
            if (first.getCellType() == CellType.STRING && first.getStringCellValue().equals("合计")) {
                assertThat(total).as(sheet.getSheetName() + ": one 合计 row").isNull();
                assertThat(r).as(sheet.getSheetName() + ": the 合计 row closes the table").isEqualTo(end);
                total = cells;
            } else {
                String label = t.numbered() ? String.valueOf((long) row.getCell(0).getNumericCellValue()) : row.getCell(lead - 1).getStringCellValue();
                rows.add(new GridLine(unitColumn ? row.getCell(1).getStringCellValue() : null, label, cells));
            }
        }
        return new Grid(rows, total);
    }

    /**
     * The table's last row: a unit's workbook closes with a line under the table (单位负责人、填表人、联系方式), one row
     * apart, which is not the table's.
     */
    static int tableEnd(Sheet sheet) {
        int last = sheet.getLastRowNum();
        Row row = sheet.getRow(last);
        Cell first = row == null ? null : row.getCell(0);
        boolean footer = first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith("单位负责人：");
        return footer ? last - 2 : last;
    }

    static BigDecimal number(Cell c) {
        return c == null || c.getCellType() == CellType.BLANK ? null : BigDecimal.valueOf(c.getNumericCellValue());
    }

    void assertGrid(String where, Template t, Grid expected, Grid actual) {
        softly.assertThat(actual.rows()).as(where + ": rows").hasSameSizeAs(expected.rows());
        for (int i = 0; i < Math.min(expected.rows().size(), actual.rows().size()); i++) {
            GridLine e = expected.rows().get(i);
            GridLine a = actual.rows().get(i);
            softly.assertThat(a.unit()).as("%s row %d: unit", where, i + 1).isEqualTo(e.unit());
            softly.assertThat(a.label()).as("%s row %d: heading", where, i + 1).isEqualTo(e.label());
            for (Num n : t.numbers()) {
                softly.assertThat(a.cells().get(n.code())).as("%s row %d (%s): %s", where, i + 1, e.label(), n.name()).isNotNull()
                        .isEqualByComparingTo(e.cells().get(n.code()));
            }
        }
        if (expected.total() == null) {
            softly.assertThat(actual.total()).as(where + ": the table has no 合计 row, none is printed").isNull();
        } else {
            softly.assertThat(actual.total()).as(where + ": the 合计 row").isNotNull();
            for (Num n : t.numbers()) {
                softly.assertThat(actual.total().get(n.code())).as("%s 合计: %s", where, n.name()).isNotNull()
                        .isEqualByComparingTo(expected.total().get(n.code()));
            }
        }
    }

    void assertCountyWorkbook(String where, byte[] xlsx, Template t, Shape shape, List<Handed> handed, List<Handed> approved,
                              Map<String, BigDecimal> county, Grid countyTable, boolean shown, String silent) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            // 汇总表: the county's table
            Sheet summary = wb.getSheet("汇总表");
            if (countyTable == null) {
                assertIndicatorSheet(where + " 汇总表", summary, t, n -> county.get(n.code()));
            } else {
                assertGrid(where + " 汇总表", t, countyTable, grid(summary, t, t.fixedRows() == null));
            }
            // 各单位填报表: fixed rows are summed on the 汇总表, every unit's own rows stand here
            Sheet own = wb.getSheet("各单位填报表");
            if (t.fixedRows() != null) {
                assertGrid(where + " 各单位填报表", t, unitsRows(t, approved, shown ? county : null), grid(own, t, true));
            } else {
                assertThat(own).as(where + ": 各单位填报表 only for fixed rows").isNull();
            }
            // 各单位明细: a row per unit, a column per figure: each approved unit's total, blank for the others
            Sheet detail = wb.getSheet("各单位明细");
            for (int i = 0; i < t.numbers().size(); i++) {
                softly.assertThat(detail.getRow(0).getCell(6 + i).getStringCellValue()).as(where + " 各单位明细 heading").startsWith(t.numbers().get(i).heading());
            }
            List<String> listed = new ArrayList<>();
            for (int r = 1; r <= detail.getLastRowNum(); r++) {
                Row row = detail.getRow(r);
                String name = row.getCell(1).getStringCellValue();
                listed.add(name);
                Handed h = approved.stream().filter(x -> x.unitName().equals(name)).findFirst().orElse(null);
                for (int i = 0; i < t.numbers().size(); i++) {
                    Num n = t.numbers().get(i);
                    BigDecimal v = number(row.getCell(6 + i));
                    if (h == null) {
                        softly.assertThat(v).as("%s 各单位明细: %s is not approved, its %s blank", where, name, n.name()).isNull();
                    } else {
                        softly.assertThat(v).as("%s 各单位明细: %s's %s", where, name, n.name()).isNotNull().isEqualByComparingTo(unitTotal(h, n));
                    }
                }
            }
            softly.assertThat(listed).as(where + " 各单位明细: every unit").hasSize(handed.size() + 1)
                    .containsAll(handed.stream().map(Handed::unitName).toList());
            // 未报送及逾期: the unit that never reported
            Sheet missing = wb.getSheet("未报送及逾期");
            List<String> missed = new ArrayList<>();
            for (int r = 1; r <= missing.getLastRowNum(); r++) {
                missed.add(missing.getRow(r).getCell(0).getStringCellValue() + "：" + missing.getRow(r).getCell(1).getStringCellValue());
            }
            softly.assertThat(missed).as(where + " 未报送及逾期").containsExactly(UNIT_NAMES.get(silent) + "：未报送");
        }
    }

    /** The indicators' layout: 序号 / 类别 / 单位 / 数量, a row per indicator, no 合计 row. */
    void assertIndicatorSheet(String where, Sheet sheet, Template t, java.util.function.Function<Num, BigDecimal> expected) {
        softly.assertThat(tableEnd(sheet)).as(where + ": a row per indicator").isEqualTo(3 + t.numbers().size());
        for (int i = 0; i < t.numbers().size(); i++) {
            Num n = t.numbers().get(i);
            Row row = sheet.getRow(4 + i);
            softly.assertThat(row.getCell(1).getStringCellValue()).as(where).isEqualTo(n.name());
            softly.assertThat(number(row.getCell(3))).as("%s: %s", where, n.name()).isNotNull().isEqualByComparingTo(expected.apply(n));
        }
    }

    static final Pattern TOTAL_LINE = Pattern.compile("^\\d+\\.\\s*(.+?)：(.*)$");

    /** 三、已汇总数据: one line per figure, "N. 名称：数量单位。". */
    void assertCircular(byte[] docx, Template t, Map<String, BigDecimal> county) throws Exception {
        Map<String, String> lines = new HashMap<>();
        List<String> text = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.add(p.getText());
                Matcher m = TOTAL_LINE.matcher(p.getText().strip());
                if (m.matches()) {
                    lines.put(m.group(1), m.group(2));
                }
            }
        }
        softly.assertThat(text).as("督办通报").contains("三、已汇总数据");
        for (Num n : t.numbers()) {
            softly.assertThat(lines).as("督办通报: a line for %s in %s", n.name(), text).containsKey(n.name());
            softly.assertThat(lines.get(n.name())).as("督办通报: %s", n.name()).isEqualTo(printed(county.get(n.code()), n) + n.unit() + "。");
        }
    }

    // ---- HTTP, as the section's pages call it

    JsonNode get(String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth("reviewer1", "test").getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    byte[] getBytes(String path) {
        ResponseEntity<byte[]> r = http.withBasicAuth("reviewer1", "test").getForEntity(path, byte[].class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    JsonNode post(String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth("reviewer1", "test").postForEntity(path, null, String.class);
        assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
