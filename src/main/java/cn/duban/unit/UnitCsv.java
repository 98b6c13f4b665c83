package cn.duban.unit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the unit registry CSV: {@code code,name,type,mailbox,head[,headUser,reporter,reporterUser]}
 * with a header line. Every bad row is reported with its line number; nothing is loaded from a bad file.
 */
public final class UnitCsv {

    /** One row of the file: a unit and, optionally, the accounts of its head and reporter. */
    public record Row(Unit unit, String reporterName, String reporterUser) {}

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern USER = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    private static final Pattern MAILBOX = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private UnitCsv() {}

    public static List<Row> parse(String content) {
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = content.replace("\uFEFF", "").split("\\r?\\n");
        if (lines.length == 0 || !lines[0].trim().toLowerCase().startsWith("code,name,type,mailbox,head")) {
            throw new UnitCsvException(List.of("第 1 行应为表头 code,name,type,mailbox,head[,headUser,reporter,reporterUser]"));
        }
        Set<String> codes = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int no = i + 1;
            String[] f = line.split(",", -1);
            if (f.length < 5 || f.length > 8) {
                problems.add("第 " + no + " 行应有 5～8 列，实有 " + f.length + " 列");
                continue;
            }
            String code = f[0].trim();
            String name = f[1].trim();
            String type = f[2].trim();
            String mailbox = f[3].trim();
            String head = f[4].trim();
            String headUser = col(f, 5);
            String reporter = col(f, 6);
            String reporterUser = col(f, 7);
            if (!CODE.matcher(code).matches()) {
                problems.add("第 " + no + " 行：单位编码 “" + code + "” 只能含小写字母、数字、下划线和连字符");
            } else if (!codes.add(code)) {
                problems.add("第 " + no + " 行：单位编码 " + code + " 重复");
            }
            if (name.isEmpty() || name.length() > 200) {
                problems.add("第 " + no + " 行：单位名称必填（最多 200 字）");
            }
            if (!CODE.matcher(type).matches()) {
                problems.add("第 " + no + " 行：单位类型 “" + type + "” 只能含小写字母、数字、下划线和连字符");
            }
            if (!mailbox.isEmpty() && !MAILBOX.matcher(mailbox).matches()) {
                problems.add("第 " + no + " 行：邮箱 “" + mailbox + "” 格式不正确");
            }
            for (String u : new String[] {headUser, reporterUser}) {
                if (u == null) {
                    continue;
                }
                if (!USER.matcher(u).matches()) {
                    problems.add("第 " + no + " 行：账号 “" + u + "” 只能含字母、数字、点、下划线和连字符");
                } else if (!users.add(u)) {
                    problems.add("第 " + no + " 行：账号 " + u + " 重复");
                }
            }
            rows.add(new Row(new Unit(code, name, type, emptyToNull(mailbox), emptyToNull(head), headUser), reporter, reporterUser));
        }
        if (!problems.isEmpty()) {
            throw new UnitCsvException(problems);
        }
        return rows;
    }

    private static String col(String[] f, int i) {
        return i < f.length ? emptyToNull(f[i].trim()) : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A unit CSV that cannot be loaded; each problem names its line. */
    public static class UnitCsvException extends RuntimeException {
        private final List<String> problems;

        public UnitCsvException(List<String> problems) {
            super("单位名册有误：" + String.join("；", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
