package cn.duban.unit;

import cn.duban.support.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit registry managed while duban runs: an operator adds, edits (renames, re-types, re-parents),
 * deactivates and reactivates units, names unit types, and imports a CSV after seeing what it would change. A
 * unit is never deleted: a deactivated unit gets no new notices, keeps its history, and stays in every campaign
 * that already reached it (each campaign keeps its own list in {@code duban_campaign_unit}). Every change is
 * recorded in {@code duban_unit_change}.
 */
@Service
public class UnitAdmin {

    /** A unit as the operator's form sends it; the code is fixed once given. */
    public record UnitForm(String code, String name, String type, String mailbox, String headName, String headUser,
                           String reporterName, String reporterUser, String parentCode) {}

    /** What a save did: the unit and the accounts it created (whose passwords the operator sets next). */
    public record Saved(Unit unit, List<String> createdAccounts) {}

    /** What an import did, or would do (the preview). */
    public record Imported(List<UnitCsv.Row> added, List<UnitImport.Changed> changed, List<Unit> deactivated,
                           List<String> newTypes, int unchanged, List<String> createdAccounts, boolean applied) {}

    /** A registry change the rules refuse; each problem at its field (the form) or its line (a file). */
    public static class UnitException extends Refusal {
        private final Map<String, String> fieldErrors;

        UnitException(String message, Map<String, String> fieldErrors) {
            super(message);
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("fieldErrors", fieldErrors);
        }
    }

    private final UnitRepository units;
    private final UnitAccounts accounts;

    UnitAdmin(UnitRepository units, UnitAccounts accounts) {
        this.units = units;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public List<Unit> all() {
        return units.everyUnit();
    }

    /** A member of a unit's group, with the unit roles (填报专人, 单位负责人) they hold. */
    public record Member(String id, String name, List<String> roles) {}

    @Transactional(readOnly = true)
    public List<Member> people(String code) {
        existing(code);
        return accounts.members(code);
    }

    @Transactional(readOnly = true)
    public Map<String, String> types() {
        return units.types();
    }

    @Transactional(readOnly = true)
    public List<UnitChange> changes(int limit) {
        return units.changes(Math.max(1, Math.min(limit, 500)));
    }

    @Transactional
    public Saved create(UnitForm f, String actor) {
        Unit u = unit(f, f.code(), true);
        Map<String, String> p = new LinkedHashMap<>(UnitRules.check(u, f.reporterName(), blank(f.reporterUser())));
        if (!p.containsKey("code") && units.find(u.code()).isPresent()) {
            p.put("code", "单位编码 " + u.code() + " 已被“" + units.find(u.code()).get().name() + "”使用");
        }
        checkAgainstRegistry(u, blank(f.reporterUser()), p);
        refuseIf(p);
        units.insert(u);
        units.logChange(u.code(), "CREATE", describe(u), actor);
        return new Saved(u, accounts.ensure(u, blank(f.reporterName()), blank(f.reporterUser()), false));
    }

    @Transactional
    public Saved update(String code, UnitForm f, String actor) {
        Unit old = existing(code);
        Unit u = unit(f, code, old.active());
        Map<String, String> p = new LinkedHashMap<>(UnitRules.check(u, f.reporterName(), blank(f.reporterUser())));
        checkAgainstRegistry(u, blank(f.reporterUser()), p);
        refuseIf(p);
        List<UnitImport.FieldChange> fields = UnitImport.diff(old, u);
        if (!fields.isEmpty()) {
            units.update(u);
            units.logChange(code, "UPDATE", describe(fields), actor);
        }
        return new Saved(u, accounts.ensure(u, blank(f.reporterName()), blank(f.reporterUser()), false));
    }

    /** Deactivates (no new notices; history and running campaigns kept) or reactivates a unit. */
    @Transactional
    public Unit setActive(String code, boolean active, String actor) {
        Unit old = existing(code);
        if (old.active() == active) {
            return old;
        }
        if (!active) {
            List<String> children = units.activeChildren(code).stream().map(Unit::name).toList();
            if (!children.isEmpty()) {
                throw new UnitException("“" + old.name() + "”下还有启用的下级单位（" + String.join("、", children)
                        + "），请先停用或改挂它们", Map.of());
            }
        }
        Unit u = new Unit(old.code(), old.name(), old.type(), old.mailbox(), old.headName(), old.headUser(), old.parentCode(), active);
        units.update(u);
        units.logChange(code, active ? "ACTIVATE" : "DEACTIVATE", active ? "重新启用" : "停用（历史和进行中的活动保留）", actor);
        return u;
    }

    /** Names a unit type (creating it when new). */
    @Transactional
    public void saveType(String code, String name, String actor) {
        Map<String, String> p = new LinkedHashMap<>();
        if (code == null || !UnitRules.CODE.matcher(code).matches()) {
            p.put("code", "单位类型编码只能含小写字母、数字、下划线和连字符");
        }
        String problem = UnitRules.typeName(name);
        if (problem != null) {
            p.put("name", problem);
        }
        refuseIf(p);
        String before = units.types().get(code);
        units.saveType(code, name.strip());
        units.logChange("type:" + code, "TYPE", (before == null ? "新增单位类型 " : "单位类型 " + before + " 改名为 ") + name.strip(), actor);
    }

    /** Deletes a unit type no unit has (a used type can only be renamed). */
    @Transactional
    public void deleteType(String code, String actor) {
        long used = units.unitsOfType(code);
        if (used > 0) {
            throw new UnitException("该类型下还有 " + used + " 个单位，不能删除（可以改名）", Map.of());
        }
        units.deleteType(code);
        units.logChange("type:" + code, "TYPE", "删除单位类型 " + code, actor);
    }

    /** What importing this file would do; nothing is written. */
    @Transactional(readOnly = true)
    public Imported previewCsv(String content) {
        UnitImport.Plan plan = plan(content);
        return new Imported(plan.added(), plan.changed(), plan.deactivated(), plan.newTypes(), plan.unchanged(), List.of(), false);
    }

    /** Imports the file: all of the plan or, on any problem, nothing. */
    @Transactional
    public Imported importCsv(String content, String actor) {
        return apply(content, actor, false);
    }

    /** The registry file of a first start (empty registry): its accounts get the configured initial password. */
    @Transactional
    Imported firstStart(String content) {
        return apply(content, "system", true);
    }

    private Imported apply(String content, String actor, boolean firstStart) {
        UnitImport.Plan plan = plan(content);
        plan.newTypes().forEach(t -> {
            units.saveType(t, t);
            units.logChange("type:" + t, "TYPE", "导入时新增单位类型 " + t + "（请填写中文名称）", actor);
        });
        List<String> created = new ArrayList<>();
        // parents first: a new unit may hang under another new one
        List<UnitCsv.Row> added = new ArrayList<>(plan.added());
        Map<String, String> newParents = new java.util.HashMap<>();
        plan.added().stream().filter(r -> r.unit().parentCode() != null).forEach(r -> newParents.put(r.unit().code(), r.unit().parentCode()));
        added.sort(java.util.Comparator.comparingInt(r -> depth(r.unit().code(), newParents)));
        for (UnitCsv.Row row : added) {
            units.insert(row.unit());
            units.logChange(row.unit().code(), "CREATE", "导入：" + describe(row.unit()), actor);
            created.addAll(accounts.ensure(row.unit(), row.reporterName(), row.reporterUser(), firstStart));
        }
        Map<String, UnitCsv.Row> rows = new java.util.HashMap<>();
        plan.rows().forEach(r -> rows.put(r.unit().code(), r));
        for (UnitImport.Changed c : plan.changed()) {
            units.update(c.after());
            units.logChange(c.after().code(), c.reactivated() ? "ACTIVATE" : "UPDATE",
                    "导入：" + (c.reactivated() ? "重新启用" + (c.fields().isEmpty() ? "" : "；") : "") + describe(c.fields()), actor);
            UnitCsv.Row row = rows.get(c.after().code());
            created.addAll(accounts.ensure(c.after(), row.reporterName(), row.reporterUser(), false));
        }
        for (Unit u : plan.deactivated()) {
            units.update(u);
            units.logChange(u.code(), "DEACTIVATE", "导入：文件中没有该单位，停用（历史和进行中的活动保留）", actor);
        }
        return new Imported(plan.added(), plan.changed(), plan.deactivated(), plan.newTypes(), plan.unchanged(), created, true);
    }

    private UnitImport.Plan plan(String content) {
        List<UnitCsv.Row> rows = UnitCsv.parse(content);
        UnitImport.Plan plan = UnitImport.plan(units.everyUnit(), rows, units.types().keySet());
        List<String> problems = new ArrayList<>(plan.problems());
        for (UnitCsv.Row r : rows) {
            for (String account : new String[] {r.unit().headUser(), r.reporterUser()}) {
                if (accounts.belongsElsewhere(account, r.unit().code())) {
                    problems.add("第 " + r.line() + " 行：账号 " + account + " 已属于其他单位");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UnitCsv.UnitCsvException(problems);
        }
        return plan;
    }

    private static int depth(String code, Map<String, String> parents) {
        int d = 0;
        for (String at = parents.get(code); at != null && d < 10_000; at = parents.get(at)) {
            d++;
        }
        return d;
    }

    private void checkAgainstRegistry(Unit u, String reporterUser, Map<String, String> p) {
        if (!p.containsKey("type") && !units.types().containsKey(u.type())) {
            p.put("type", "单位类型 " + u.type() + " 不存在，请先在“单位类型”中添加");
        }
        if (u.parentCode() != null && !p.containsKey("parentCode")) {
            Unit parent = units.find(u.parentCode()).orElse(null);
            if (parent == null) {
                p.put("parentCode", "上级单位 " + u.parentCode() + " 不在单位名册中");
            } else if (UnitRules.cycleFrom(u.code(), c -> c.equals(u.code()) ? u.parentCode()
                    : units.find(c).map(Unit::parentCode).orElse(null)) != null) {
                p.put("parentCode", "“" + parent.name() + "”是本单位的下级，不能作为上级单位");
            }
        }
        if (accounts.belongsElsewhere(u.headUser(), u.code())) {
            p.put("headUser", "账号 " + u.headUser() + " 已属于其他单位");
        }
        if (accounts.belongsElsewhere(reporterUser, u.code())) {
            p.put("reporterUser", "账号 " + reporterUser + " 已属于其他单位");
        }
    }

    /** A unit's people read each other's names (UnitAccounts). */
    void shareNames(String unitCode) {
        accounts.shareNames(unitCode);
    }

    private Unit existing(String code) {
        return units.find(code).orElseThrow(() -> new UnitException("单位 " + code + " 不在单位名册中", Map.of()));
    }

    private static Unit unit(UnitForm f, String code, boolean active) {
        return new Unit(blank(code), blank(f.name()), blank(f.type()), blank(f.mailbox()), blank(f.headName()),
                blank(f.headUser()), blank(f.parentCode()), active);
    }

    private static void refuseIf(Map<String, String> p) {
        if (!p.isEmpty()) {
            throw new UnitException(String.join("；", p.values()), p);
        }
    }

    /** A new unit as the change log says it: its type and its parent by their names, never their codes. */
    private String describe(Unit u) {
        return "新增 " + u.name() + "（" + typeName(u.type()) + (u.parentCode() == null ? "" : "，上级单位：" + unitName(u.parentCode())) + "）";
    }

    private String describe(List<UnitImport.FieldChange> fields) {
        return fields.stream().map(c -> c.label() + "：" + shown(c.field(), c.from()) + " → " + shown(c.field(), c.to()))
                .collect(Collectors.joining("；"));
    }

    /** A field's value as people read it: a type or a parent by its name. */
    private String shown(String field, String value) {
        if (value == null || value.isEmpty()) {
            return "（空）";
        }
        return switch (field) {
            case "type" -> typeName(value);
            case "parent" -> unitName(value);
            default -> value;
        };
    }

    private String typeName(String code) {
        return code == null ? "" : units.types().getOrDefault(code, code);
    }

    private String unitName(String code) {
        return units.find(code).map(Unit::name).orElse(code);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
