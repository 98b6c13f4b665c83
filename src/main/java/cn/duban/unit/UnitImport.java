package cn.duban.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What importing a registry CSV would do to the registry, worked out before anything is written: the units that
 * are new, those whose fields change (field by field, old and new), those deactivated because the file no longer
 * lists them, those active again, and the unit types the file introduces. Pure: the operator's preview and the
 * import itself are this one plan.
 */
public final class UnitImport {

    /** One field of a unit that the import changes, with its Chinese label. */
    public record FieldChange(String field, String label, String from, String to) {}

    /** A unit the import changes, with each field it changes. */
    public record Changed(Unit before, Unit after, List<FieldChange> fields, boolean reactivated) {}

    /** The plan: apply it as it is, or not at all. */
    public record Plan(List<UnitCsv.Row> rows, List<UnitCsv.Row> added, List<Changed> changed, List<Unit> deactivated,
                       List<String> newTypes, int unchanged, List<String> problems) {
        public boolean empty() {
            return added.isEmpty() && changed.isEmpty() && deactivated.isEmpty();
        }
    }

    private static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "名称");
        m.put("type", "类型");
        m.put("mailbox", "邮箱");
        m.put("head", "负责人");
        m.put("headUser", "负责人账号");
        m.put("parent", "上级单位");
        return m;
    }

    private UnitImport() {}

    /**
     * @param registry every unit, active or not
     * @param rows     the file's rows ({@link UnitCsv#parse})
     * @param types    the unit types the registry knows
     */
    public static Plan plan(List<Unit> registry, List<UnitCsv.Row> rows, Set<String> types) {
        Map<String, Unit> byCode = new HashMap<>();
        registry.forEach(u -> byCode.put(u.code(), u));
        List<UnitCsv.Row> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        Map<String, Unit> after = new HashMap<>(byCode);
        Set<String> newTypes = new TreeSet<>();
        int unchanged = 0;
        Set<String> inFile = new TreeSet<>();
        for (UnitCsv.Row row : rows) {
            Unit u = row.unit();
            inFile.add(u.code());
            if (!types.contains(u.type())) {
                newTypes.add(u.type());
            }
            Unit old = byCode.get(u.code());
            if (old == null) {
                added.add(row);
                after.put(u.code(), u);
                continue;
            }
            Unit merged = merge(old, u, row.columns());
            List<FieldChange> fields = diff(old, merged);
            if (fields.isEmpty() && old.active()) {
                unchanged++;
            } else {
                changed.add(new Changed(old, merged, fields, !old.active()));
            }
            after.put(u.code(), merged);
        }
        List<Unit> deactivated = registry.stream().filter(Unit::active).filter(u -> !inFile.contains(u.code()))
                .map(u -> new Unit(u.code(), u.name(), u.type(), u.mailbox(), u.headName(), u.headUser(), u.parentCode(), false))
                .toList();
        deactivated.forEach(u -> after.put(u.code(), u));
        List<String> problems = new ArrayList<>();
        for (UnitCsv.Row row : rows) {
            String parent = after.get(row.unit().code()).parentCode();
            if (parent != null && !after.containsKey(parent)) {
                problems.add("第 " + row.line() + " 行：上级单位 " + parent + " 既不在文件中，也不在单位名册中");
            }
        }
        Function<String, String> parentOf = code -> after.containsKey(code) ? after.get(code).parentCode() : null;
        Set<String> reported = new TreeSet<>();
        for (UnitCsv.Row row : rows) {
            String loop = UnitRules.cycleFrom(row.unit().code(), parentOf);
            if (loop != null && reported.add(new TreeSet<>(List.of(chain(loop, parentOf).split(" → "))).toString())) {
                problems.add("第 " + row.line() + " 行：上级单位构成循环（" + chain(loop, parentOf) + "）");
            }
        }
        return new Plan(List.copyOf(rows), List.copyOf(added), List.copyOf(changed), deactivated, List.copyOf(newTypes), unchanged, problems);
    }

    /** The unit as the file leaves it: the fields of the columns the file has, the others as they were; active. */
    static Unit merge(Unit old, Unit file, Set<String> columns) {
        return new Unit(old.code(),
                columns.contains("name") ? file.name() : old.name(),
                columns.contains("type") ? file.type() : old.type(),
                columns.contains("mailbox") ? file.mailbox() : old.mailbox(),
                columns.contains("head") ? file.headName() : old.headName(),
                columns.contains("headUser") ? file.headUser() : old.headUser(),
                columns.contains("parent") ? file.parentCode() : old.parentCode(),
                true);
    }

    static List<FieldChange> diff(Unit a, Unit b) {
        List<FieldChange> out = new ArrayList<>();
        add(out, "name", a.name(), b.name());
        add(out, "type", a.type(), b.type());
        add(out, "mailbox", a.mailbox(), b.mailbox());
        add(out, "head", a.headName(), b.headName());
        add(out, "headUser", a.headUser(), b.headUser());
        add(out, "parent", a.parentCode(), b.parentCode());
        return out;
    }

    private static void add(List<FieldChange> out, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            out.add(new FieldChange(field, LABELS.get(field), from == null ? "" : from, to == null ? "" : to));
        }
    }

    private static String chain(String start, Function<String, String> parentOf) {
        List<String> codes = new ArrayList<>(List.of(start));
        for (String at = parentOf.apply(start); at != null && !at.equals(start) && codes.size() < 20; at = parentOf.apply(at)) {
            codes.add(at);
        }
        codes.add(start);
        return String.join(" → ", codes);
    }
}
