package cn.duban.office;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What an office's code and name must be, field by field, in Chinese. Pure: tested without Spring. */
final class OfficeRules {

    /** A code names the office's groups (office-fbg-reviewer): short, lower-case letters and digits, no hyphen. */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{1,19}");
    static final int MAX_NAME = 50;

    private OfficeRules() {}

    static Map<String, String> check(String code, String name) {
        Map<String, String> p = new LinkedHashMap<>();
        String c = code == null ? "" : code.strip();
        String n = name == null ? "" : name.strip();
        if (!CODE.matcher(c).matches()) {
            p.put("code", "科室编码“" + c + "”只能含小写字母和数字（2～20 个字符），以字母开头，如 fbg（防保股）");
        }
        if (n.isEmpty() || n.length() > MAX_NAME) {
            p.put("name", "科室名称必填（最多 " + MAX_NAME + " 字）");
        }
        return p;
    }
}
