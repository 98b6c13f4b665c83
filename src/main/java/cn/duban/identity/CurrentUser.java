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

    /** The units this person belongs to (their {@code unit-<code>} groups). */
    public List<String> unitCodes() {
        return groups.stream().filter(g -> g.startsWith(Roles.UNIT_GROUP_PREFIX))
                .map(g -> g.substring(Roles.UNIT_GROUP_PREFIX.length())).toList();
    }

    /** Operators and administrators: who runs duban (the unit registry, accounts, the engine's pages). */
    public boolean isOperator() {
        return isIn(Roles.OPERATOR) || isIn(Roles.ADMIN);
    }

    /**
     * The section's own decisions on a running campaign (withdrawing a unit from it): its drafters and its head.
     * Operators and the administrator watch and decide nothing.
     */
    public boolean decidesForSection() {
        return isIn(Roles.DRAFTER) || isIn(Roles.SECTION_HEAD);
    }

    /** Supervision staff see every unit; a unit's people only their own. */
    public boolean canSeeUnit(String unitCode) {
        return isSupervision() || groups.contains(Roles.unitGroup(unitCode));
    }
}
