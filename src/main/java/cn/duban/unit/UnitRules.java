package cn.duban.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a unit's entry must be, field by field: one definition for a row of an imported CSV and for the operator's
 * form ({@code /api/units}). Codes are what templates and groups name ({@code unit-<code>}), so they never change
 * once given; names, types, mailboxes, heads and parents may.
 */
final class UnitRules {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    static final Pattern USER = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    static final Pattern MAILBOX = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    static final int MAX_NAME = 200;
    static final int MAX_TYPE_NAME = 100;
    static final int MAX_PERSON = 100;

    private UnitRules() {}

    /** The problems of one entry, by field ({@code code}, {@code name}, {@code type}, …), in Chinese. */
    static Map<String, String> check(Unit u, String reporterName, String reporterUser) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!CODE.matcher(text(u.code())).matches()) {
            p.put("code", "单位编码“" + text(u.code()) + "”只能含小写字母、数字、下划线和连字符（最多 63 个字符），以字母或数字开头");
        } else if (cn.duban.identity.Roles.isRoleGroup(cn.duban.identity.Roles.unitGroup(u.code()))) {
            // the unit's group would be a role's (unit-head): every head would join the unit
            p.put("code", "单位编码“" + u.code() + "”已保留给角色“"
                    + cn.duban.identity.Roles.NAMES.get(cn.duban.identity.Roles.unitGroup(u.code())) + "”，请换一个编码");
        }
        if (text(u.name()).isEmpty() || u.name().length() > MAX_NAME) {
            p.put("name", "单位名称必填（最多 " + MAX_NAME + " 字）");
        }
        if (!CODE.matcher(text(u.type())).matches()) {
            p.put("type", "单位类型编码“" + text(u.type()) + "”只能含小写字母、数字、下划线和连字符");
        }
        if (u.mailbox() != null && !MAILBOX.matcher(u.mailbox()).matches()) {
            p.put("mailbox", "邮箱“" + u.mailbox() + "”格式不正确");
        }
        if (u.parentCode() != null) {
            if (!CODE.matcher(u.parentCode()).matches()) {
                p.put("parentCode", "上级单位编码“" + u.parentCode() + "”格式不正确");
            } else if (u.parentCode().equals(u.code())) {
                p.put("parentCode", "上级单位不能是本单位");
            }
        }
        person(p, "headName", "负责人姓名", u.headName());
        person(p, "reporterName", "填报专人姓名", reporterName);
        account(p, "headUser", "负责人账号", u.headUser());
        account(p, "reporterUser", "填报专人账号", reporterUser);
        if (u.headUser() != null && u.headUser().equals(reporterUser)) {
            p.put("reporterUser", "填报专人账号不能与负责人账号相同");
        }
        return p;
    }

    /** The problem of a unit type's Chinese name, or null. */
    static String typeName(String name) {
        return text(name).isEmpty() || name.strip().length() > MAX_TYPE_NAME ? "单位类型名称必填（最多 " + MAX_TYPE_NAME + " 字）" : null;
    }

    /**
     * The unit whose parent chain, with {@code parentOf} as the registry would be, comes back to it; null when none
     * does. A hierarchy is a tree: the CDC over its township centres, never a centre over the CDC over the centre.
     */
    static String cycleFrom(String code, Function<String, String> parentOf) {
        String at = parentOf.apply(code);
        for (int steps = 0; at != null && steps < 10_000; steps++) {
            if (at.equals(code)) {
                return code;
            }
            at = parentOf.apply(at);
        }
        return null;
    }

    private static void person(Map<String, String> p, String field, String label, String name) {
        if (name != null && name.length() > MAX_PERSON) {
            p.put(field, label + "过长（最多 " + MAX_PERSON + " 字）");
        }
    }

    private static void account(Map<String, String> p, String field, String label, String id) {
        if (id != null && !USER.matcher(id).matches()) {
            p.put(field, label + "“" + id + "”只能含字母、数字、点、下划线和连字符");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
