package cn.duban.identity;

import java.util.List;

/** The person behind a request, with their Camunda groups. */
public record CurrentUser(String id, List<String> groups) {

    public static final String REQUEST_ATTRIBUTE = "duban.currentUser";

    public boolean isSupervision() {
        return groups.stream().anyMatch(Roles.SUPERVISION::contains);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Supervision staff see every unit; a unit's people only their own. */
    public boolean canSeeUnit(String unitCode) {
        return isSupervision() || groups.contains(Roles.unitGroup(unitCode));
    }
}
