package cn.duban.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The roles of duban, each a Camunda group; a unit's people are also in the unit's own group. */
public final class Roles {

    public static final String DRAFTER = "drafter";
    public static final String REVIEWER = "reviewer";
    public static final String SECTION_HEAD = "section-head";
    public static final String LEADER = "leader";
    public static final String REPORTER = "reporter";
    public static final String UNIT_HEAD = "unit-head";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "camunda-admin";

    public static final String UNIT_GROUP_PREFIX = "unit-";
    public static final String UNIT_GROUP_TYPE = "UNIT";

    /** Role groups with their Chinese names, as Admin shows them. */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DRAFTER, "拟稿人（综合监督科）");
        m.put(REVIEWER, "报送审核人（综合监督科）");
        m.put(SECTION_HEAD, "科长（核稿）");
        m.put(LEADER, "局领导（签发）");
        m.put(REPORTER, "单位填报专人");
        m.put(UNIT_HEAD, "单位负责人");
        m.put(OPERATOR, "运维人员");
        NAMES = java.util.Collections.unmodifiableMap(m);
    }

    /** The supervision side: may see every unit's reports. */
    public static final java.util.Set<String> SUPERVISION = java.util.Set.of(DRAFTER, REVIEWER, SECTION_HEAD, LEADER, OPERATOR, ADMIN);

    private Roles() {}

    /** Whether a group is one of the roles (a unit's group never may be: unit code {@code head} is refused). */
    public static boolean isRoleGroup(String groupId) {
        return NAMES.containsKey(groupId) || ADMIN.equals(groupId);
    }

    public static String unitGroup(String unitCode) {
        return UNIT_GROUP_PREFIX + unitCode;
    }
}
