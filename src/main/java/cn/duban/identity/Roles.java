package cn.duban.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The roles of duban, each a Camunda group; a unit's people are also in the unit's own group.
 *
 * <p>A notice belongs to the office (科室/股) that drafts it: its drafters, its reviewers and its head are groups of
 * that office ({@link #officeGroup}). The bureau's first office, {@link #DEFAULT_OFFICE} (综合监督科), keeps the role
 * groups it always had ({@code drafter}, {@code reviewer}, {@code section-head}); an office added later has its own
 * ({@code office-fbg-drafter}, …). Leaders, operators and administrators are bureau-wide.
 */
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

    /** The supervision side (bureau-wide people and the default office's); any office's role counts too ({@link CurrentUser#isSupervision}). */
    public static final java.util.Set<String> SUPERVISION = java.util.Set.of(DRAFTER, REVIEWER, SECTION_HEAD, LEADER, OPERATOR, ADMIN);

    private Roles() {}

    /** The bureau's first office, whose roles are the groups {@code drafter}, {@code reviewer}, {@code section-head}. */
    public static final String DEFAULT_OFFICE = "zhjdk";
    public static final String OFFICE_GROUP_PREFIX = "office-";
    public static final String OFFICE_GROUP_TYPE = "OFFICE";

    /** What a person does in an office: drafts its notices, reviews its units' reports, heads it (核稿). */
    public enum OfficeRole {
        DRAFTER(Roles.DRAFTER, "drafter", "拟稿人"),
        REVIEWER(Roles.REVIEWER, "reviewer", "报送审核人"),
        HEAD(Roles.SECTION_HEAD, "head", "负责人（核稿）");

        private final String defaultGroup;
        private final String suffix;
        private final String label;

        OfficeRole(String defaultGroup, String suffix, String label) {
            this.defaultGroup = defaultGroup;
            this.suffix = suffix;
            this.label = label;
        }

        /** 拟稿人, 报送审核人, 负责人（核稿）. */
        public String label() {
            return label;
        }
    }

    /** The group of a role in an office. */
    public static String officeGroup(String office, OfficeRole role) {
        return office == null || DEFAULT_OFFICE.equals(office) ? role.defaultGroup : OFFICE_GROUP_PREFIX + office + "-" + role.suffix;
    }

    /** The office whose role this group is, or null when it is none's. */
    public static String officeOf(String groupId, OfficeRole role) {
        if (groupId == null) {
            return null;
        }
        if (groupId.equals(role.defaultGroup)) {
            return DEFAULT_OFFICE;
        }
        String tail = "-" + role.suffix;
        if (groupId.startsWith(OFFICE_GROUP_PREFIX) && groupId.endsWith(tail) && groupId.length() > OFFICE_GROUP_PREFIX.length() + tail.length()) {
            return groupId.substring(OFFICE_GROUP_PREFIX.length(), groupId.length() - tail.length());
        }
        return null;
    }

    /** Whether a group is a role of some office (granted, like the section's roles, by administrators only). */
    public static boolean isOfficeRoleGroup(String groupId) {
        return java.util.Arrays.stream(OfficeRole.values()).anyMatch(r -> officeOf(groupId, r) != null);
    }

    /** Leaders, operators and administrators: every notice of every office is theirs to see. */
    public static final java.util.Set<String> BUREAU_WIDE = java.util.Set.of(LEADER, OPERATOR, ADMIN);

    /** Whether a group is one of the roles (a unit's group never may be: unit code {@code head} is refused). */
    public static boolean isRoleGroup(String groupId) {
        return NAMES.containsKey(groupId) || ADMIN.equals(groupId) || isOfficeRoleGroup(groupId);
    }

    public static String unitGroup(String unitCode) {
        return UNIT_GROUP_PREFIX + unitCode;
    }
}
