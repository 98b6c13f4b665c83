package cn.duban.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who may change whose account and roles: separation of duties. Operators run the unit accounts (create them, set
 * their passwords and mailboxes, put them in their unit's group); only administrators grant or take back the roles
 * that decide what the section and the leaders may do, and only they touch those people's accounts. Everybody
 * changes their own password and the name they are shown by; nobody deletes their own account or changes their
 * own roles or mailbox. Pure: no engine, no database.
 */
public final class AccountRules {

    /** What a change does. */
    public enum Action { CREATE_USER, UPDATE_NAME, CHANGE_MAILBOX, SET_PASSWORD, DELETE_USER, GRANT_ROLE, REVOKE_ROLE,
        SAVE_GROUP, DELETE_GROUP, UNLOCK }

    /** The roles that decide what the supervision section, the leaders and IT may do. */
    public static final Set<String> PRIVILEGED = Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.LEADER, Roles.SECTION_HEAD,
            Roles.REVIEWER, Roles.DRAFTER);

    /** Who asks: their id and groups. */
    public record Caller(String userId, Set<String> groups) {
        boolean isAdmin() {
            return groups.contains(Roles.ADMIN);
        }

        boolean isOperator() {
            return groups.contains(Roles.OPERATOR);
        }
    }

    /** What is changed: an account (with the groups it is in) and, for a role, the group. */
    public record Target(String userId, Set<String> userGroups, String groupId) {
        boolean isPrivilegedAccount() {
            return userGroups.stream().anyMatch(AccountRules::isPrivileged);
        }
    }

    private AccountRules() {}

    /** A role only administrators grant: the bureau's roles and every office's (who decides is not IT's to say). */
    public static boolean isPrivileged(String groupId) {
        return PRIVILEGED.contains(groupId) || Roles.isOfficeRoleGroup(groupId);
    }

    /** Why the caller may not do this, in Chinese; empty when they may. */
    public static Optional<String> refusal(Caller caller, Action action, Target target) {
        boolean self = target.userId() != null && target.userId().equals(caller.userId());
        switch (action) {
            case DELETE_USER:
                if (self) {
                    return Optional.of("不能删除自己的账号");
                }
                break;
            case GRANT_ROLE, REVOKE_ROLE:
                if (self && !caller.isAdmin()) {
                    return Optional.of("不能修改自己的角色");
                }
                if (isPrivileged(target.groupId()) && !caller.isAdmin()) {
                    return Optional.of("只有系统管理员可以授予或收回“" + Roles.NAMES.getOrDefault(target.groupId(), target.groupId()) + "”角色");
                }
                break;
            case SAVE_GROUP, DELETE_GROUP:
                if (isPrivileged(target.groupId()) && !caller.isAdmin()) {
                    return Optional.of("只有系统管理员可以修改角色组“" + Roles.NAMES.getOrDefault(target.groupId(), target.groupId()) + "”");
                }
                break;
            case CHANGE_MAILBOX:
                if (self && !caller.isAdmin() && !caller.isOperator()) {
                    return Optional.of("邮箱由运维人员维护，如需修改请联系运维人员");
                }
                break;
            default:
                break;
        }
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        if (self && (action == Action.UPDATE_NAME || action == Action.SET_PASSWORD)) {
            return Optional.empty();
        }
        if (!caller.isOperator()) {
            return Optional.of(switch (action) {
                case SET_PASSWORD -> "只能修改自己的密码";
                case UPDATE_NAME, CHANGE_MAILBOX -> "只能修改自己的姓名";
                default -> "只有运维人员和系统管理员可以管理账号";
            });
        }
        // an operator: the unit accounts and the unit groups, never the section's, the leaders' or IT's
        if (target.userId() != null && !self && target.isPrivilegedAccount()) {
            return Optional.of(action == Action.SET_PASSWORD ? "只有系统管理员可以重置综合监督科、局领导和运维人员的密码"
                    : "只有系统管理员可以修改综合监督科、局领导和运维人员的账号");
        }
        return Optional.empty();
    }
}
