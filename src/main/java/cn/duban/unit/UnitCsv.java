package cn.duban.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a unit registry CSV, as saved from a spreadsheet: a header line naming the columns (English or Chinese,
 * in any order), then one unit per line; fields may be quoted ({@code "某某中心（含,分站）"}). Apache Commons CSV
 * reads the format (quotes, embedded commas and line breaks), so this class only maps columns and checks rows
 * ({@link UnitRules}). Every bad row is reported with its line number; nothing is loaded from a bad file.
 *
 * <p>Columns: {@code code,name,type} required; {@code mailbox, head, headUser, reporter, reporterUser, parent}
 * optional. A column left out of the file leaves that field of an existing unit as it is; a column present but
 * empty clears it.
 */
public final class UnitCsv {

    /** One row of the file: a unit, optionally the accounts of its head and reporter, and the columns it had. */
    public record Row(int line, Unit unit, String reporterName, String reporterUser, Set<String> columns) {}

    /** The columns and what each may also be called in a Chinese spreadsheet. */
    static final Map<String, List<String>> COLUMNS = columns();

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("code", List.of("单位编码", "编码"));
        m.put("name", List.of("单位名称", "名称"));
        m.put("type", List.of("单位类型", "类型"));
        m.put("mailbox", List.of("单位邮箱", "邮箱"));
        m.put("head", List.of("负责人", "负责人姓名"));
        m.put("headUser", List.of("负责人账号"));
        m.put("reporter", List.of("填报专人", "填报专人姓名"));
        m.put("reporterUser", List.of("填报专人账号"));
        m.put("parent", List.of("上级单位编码", "上级单位"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private UnitCsv() {}

    public static List<Row> parse(String content) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int[] at = {1};
        try (CSVParser parser = CSVParser.parse(content.replace("\uFEFF", ""), format)) {
            Map<String, String> columnOf = new LinkedHashMap<>();
            for (String h : parser.getHeaderNames()) {
                String column = column(h);
                if (h.isBlank()) {
                    continue;
                } else if (column == null) {
                    problems.add("第 1 行：不认识的列“" + h + "”（可用的列：" + String.join("、", COLUMNS.keySet()) + "，或其中文名）");
                } else if (columnOf.containsValue(column)) {
                    problems.add("第 1 行：列“" + h + "”重复");
                } else {
                    columnOf.put(h, column);
                }
            }
            for (String required : List.of("code", "name", "type")) {
                if (!columnOf.containsValue(required)) {
                    problems.add("第 1 行应为表头，至少含 code,name,type（单位编码、单位名称、单位类型）列");
                    throw new UnitCsvException(problems);
                }
            }
            Set<String> codes = new HashSet<>();
            Set<String> users = new HashSet<>();
            for (CSVRecord r : parser) {
                int line = (int) parser.getCurrentLineNumber();
                at[0] = line;
                Map<String, String> v = new LinkedHashMap<>();
                columnOf.forEach((header, column) -> v.put(column, r.isSet(header) ? r.get(header) : ""));
                if (r.size() > parser.getHeaderNames().size()) {
                    problems.add("第 " + line + " 行的列数多于表头（名称中含逗号时请加英文双引号）");
                    continue;
                }
                Unit u = new Unit(blankToNull(v.get("code")), blankToNull(v.get("name")), blankToNull(v.get("type")),
                        blankToNull(v.get("mailbox")), blankToNull(v.get("head")), blankToNull(v.get("headUser")),
                        blankToNull(v.get("parent")), true);
                String reporter = blankToNull(v.get("reporter"));
                String reporterUser = blankToNull(v.get("reporterUser"));
                UnitRules.check(u, reporter, reporterUser).values().forEach(m -> problems.add("第 " + line + " 行：" + m));
                if (u.code() != null && !codes.add(u.code())) {
                    problems.add("第 " + line + " 行：单位编码 " + u.code() + " 重复");
                }
                for (String account : new String[] {u.headUser(), reporterUser}) {
                    if (account != null && !users.add(account)) {
                        problems.add("第 " + line + " 行：账号 " + account + " 重复");
                    }
                }
                rows.add(new Row(line, u, reporter, reporterUser, Set.copyOf(columnOf.values())));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // Commons CSV's own words are English: say where, and what usually causes it
            problems.add("第 " + (at[0] + 1) + " 行附近不是有效的 CSV：引号不成对，或引号后还有其他字符（名称中含逗号或引号时，整格用英文双引号括起，格内的双引号写两遍）");
        }
        if (!problems.isEmpty()) {
            throw new UnitCsvException(problems);
        }
        return rows;
    }

    private static String column(String header) {
        String h = header.strip();
        for (var e : COLUMNS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(h) || e.getValue().contains(h)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A unit CSV that cannot be loaded; each problem names its line. */
    public static class UnitCsvException extends cn.duban.support.Refusal {
        private final List<String> problems;

        public UnitCsvException(List<String> problems) {
            super("单位名册有误：" + String.join("；", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "；……共 " + problems.size() + " 处" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("problems", problems);
        }
    }
}
