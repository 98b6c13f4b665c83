package cn.duban.identity;

import java.util.List;

/** The person behind a request, with their Camunda groups. */
public record CurrentUser(String id, List<String> groups) {

    public static final String REQUEST_ATTRIBUTE = "duban.currentUser";

    /** Bureau-wide people and anyone with a role in an office: they may see the registry, the board's list, … */
    public boolean isSupervision() {
        return groups.stream().anyMatch(g -> Roles.SUPERVISION.contains(g) || Roles.isOfficeRoleGroup(g));
    }

    /** Leaders, operators and administrators: every office's notices are theirs to see. */
    public boolean isBureauWide() {
        return groups.stream().anyMatch(Roles.BUREAU_WIDE::contains);
    }

    /** Whether this person has that role in that office. */
    public boolean hasOfficeRole(String office, Roles.OfficeRole role) {
        return groups.contains(Roles.officeGroup(office, role));
    }

    /** Whether this person has that role in any office (a drafter of some office may manage templates). */
    public boolean hasOfficeRole(Roles.OfficeRole role) {
        return groups.stream().anyMatch(g -> Roles.officeOf(g, role) != null);
    }

    /** The offices this person has any role in. */
    public java.util.Set<String> offices() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String g : groups) {
            for (Roles.OfficeRole r : Roles.OfficeRole.values()) {
                String office = Roles.officeOf(g, r);
                if (office != null) {
                    out.add(office);
                }
            }
        }
        return out;
    }

    /** Whether this person watches the notices of that office: bureau-wide, or one of its people. */
    public boolean watchesOffice(String office) {
        return isBureauWide() || offices().contains(office == null ? Roles.DEFAULT_OFFICE : office);
    }

    /** The office's own decisions on its running notices (withdrawing a unit): its drafters and its head. */
    public boolean decidesFor(String office) {
        return hasOfficeRole(office, Roles.OfficeRole.DRAFTER) || hasOfficeRole(office, Roles.OfficeRole.HEAD);
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

    /** Supervision staff see every unit; a unit's people only their own. */
    public boolean canSeeUnit(String unitCode) {
        return isSupervision() || groups.contains(Roles.unitGroup(unitCode));
    }
}
