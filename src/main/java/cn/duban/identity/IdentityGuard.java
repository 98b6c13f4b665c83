package cn.duban.identity;

import cn.duban.engine.ClientCalls;
import cn.duban.engine.ClientCalls.RefusedRequest;
import cn.duban.identity.AccountRules.Action;
import cn.duban.identity.AccountRules.Caller;
import cn.duban.identity.AccountRules.Target;
import cn.duban.support.Refusal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of an account or a role — in Admin, through /engine-rest or duban's own API — passes here: the
 * engine's identity service is replaced by one that applies {@link AccountRules} to what a person asks for, checks a
 * password they set against {@link AccountPasswordPolicy}, and writes each change to {@link AccountChanges} in the
 * same transaction. duban's own seeding (the configured administrator, demo people, the unit registry) is not a
 * person's request; production refuses weak seeded passwords at start ({@link ProductionGuard}).
 *
 * <p>Logins: Camunda would lock an account for good after ten failures and delay every attempt after a failure;
 * duban's own throttle (per account and per address, lifting by itself) takes that over, so the engine's counter
 * never locks.
 */
@Component
class IdentityGuard extends AbstractProcessEnginePlugin {

    private final AccountChanges changes;
    private final TransactionTemplate transactions;
    private ProcessEngineConfigurationImpl configuration;

    IdentityGuard(AccountChanges changes, PlatformTransactionManager transactionManager) {
        this.changes = changes;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setIdentityService(new GuardedIdentityService());
        configuration.setPasswordPolicy(new AccountPasswordPolicy());
        configuration.setEnablePasswordPolicy(true);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
    }

    private final class GuardedIdentityService extends IdentityServiceImpl {

        private boolean client() {
            return ClientCalls.isClientCall(this);
        }

        private Caller caller() {
            Authentication auth = getCurrentAuthentication();
            return new Caller(auth.getUserId(), Set.copyOf(auth.getGroupIds() == null ? List.of() : auth.getGroupIds()));
        }

        /** The account as stored, and its groups, read whatever the caller may read. */
        private Target target(String userId, String groupId) {
            Set<String> groups = userId == null ? Set.of() : commandExecutor.execute((CommandContext ctx) -> {
                ctx.disableAuthorizationCheck();
                try {
                    return ctx.getReadOnlyIdentityProvider().createGroupQuery(ctx).groupMember(userId).list().stream()
                            .map(Group::getId).collect(Collectors.toSet());
                } finally {
                    ctx.enableAuthorizationCheck();
                }
            });
            return new Target(userId, groups, groupId);
        }

        private User stored(String userId) {
            return commandExecutor.execute((CommandContext ctx) -> {
                ctx.disableAuthorizationCheck();
                try {
                    return ctx.getReadOnlyIdentityProvider().findUserById(userId);
                } finally {
                    ctx.enableAuthorizationCheck();
                }
            });
        }

        private void allow(Caller caller, Action action, Target target) {
            AccountRules.refusal(caller, action, target).ifPresent(reason -> {
                throw new RefusedRequest(new Refusal(Refusal.FORBIDDEN, reason));
            });
        }

        private void audited(Runnable change) {
            transactions.executeWithoutResult(status -> change.run());
        }

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            if (!client()) {
                // duban's own seeding: the configured administrator, the demo people, the registry's accounts
                super.saveUser(user, true);
                return;
            }
            Caller caller = caller();
            User before = stored(user.getId());
            Target target = target(user.getId(), null);
            boolean newPassword = user instanceof UserEntity e && e.hasNewPassword();
            StringBuilder what = new StringBuilder();
            if (before == null) {
                allow(caller, Action.CREATE_USER, target);
                what.append("新建账号");
            } else {
                if (!Objects.equals(before.getFirstName(), user.getFirstName()) || !Objects.equals(before.getLastName(), user.getLastName())) {
                    allow(caller, Action.UPDATE_NAME, target);
                    what.append("姓名 ").append(People.name(before)).append(" → ").append(People.name(user)).append("；");
                }
                if (!Objects.equals(before.getEmail(), user.getEmail())) {
                    allow(caller, Action.CHANGE_MAILBOX, target);
                    what.append("邮箱 ").append(Objects.toString(before.getEmail(), "（无）")).append(" → ")
                            .append(Objects.toString(user.getEmail(), "（无）")).append("；");
                }
            }
            if (newPassword) {
                allow(caller, Action.SET_PASSWORD, target);
                PasswordPolicyResult result = checkPasswordAgainstPolicy(newPassword((UserEntity) user), user);
                if (!result.isValid()) {
                    throw new RefusedRequest(new Refusal("密码不符合要求：" + describe(result.getViolatedRules())));
                }
                what.append(before == null ? "，设置了密码" : "设置新密码");
            }
            Action action = before == null ? Action.CREATE_USER : newPassword && what.indexOf("姓名") < 0 && what.indexOf("邮箱") < 0
                    ? Action.SET_PASSWORD : what.indexOf("邮箱") >= 0 ? Action.CHANGE_MAILBOX : Action.UPDATE_NAME;
            audited(() -> {
                super.saveUser(user, false);
                if (!what.isEmpty()) {
                    changes.record(caller.userId(), action, user.getId(), null, what.toString());
                }
            });
        }

        @Override
        public void deleteUser(String userId) {
            if (client()) {
                Caller caller = caller();
                allow(caller, Action.DELETE_USER, target(userId, null));
                audited(() -> {
                    super.deleteUser(userId);
                    changes.record(caller.userId(), Action.DELETE_USER, userId, null, "删除账号");
                });
                return;
            }
            super.deleteUser(userId);
        }

        @Override
        public void createMembership(String userId, String groupId) {
            if (client()) {
                Caller caller = caller();
                allow(caller, Action.GRANT_ROLE, target(userId, groupId));
                audited(() -> {
                    super.createMembership(userId, groupId);
                    changes.record(caller.userId(), Action.GRANT_ROLE, userId, groupId, "加入 " + Roles.NAMES.getOrDefault(groupId, groupId));
                });
                return;
            }
            super.createMembership(userId, groupId);
        }

        @Override
        public void deleteMembership(String userId, String groupId) {
            if (client()) {
                Caller caller = caller();
                allow(caller, Action.REVOKE_ROLE, target(userId, groupId));
                audited(() -> {
                    super.deleteMembership(userId, groupId);
                    changes.record(caller.userId(), Action.REVOKE_ROLE, userId, groupId, "移出 " + Roles.NAMES.getOrDefault(groupId, groupId));
                });
                return;
            }
            super.deleteMembership(userId, groupId);
        }

        @Override
        public void saveGroup(Group group) {
            if (client()) {
                Caller caller = caller();
                allow(caller, Action.SAVE_GROUP, new Target(null, Set.of(), group.getId()));
                audited(() -> {
                    super.saveGroup(group);
                    changes.record(caller.userId(), Action.SAVE_GROUP, null, group.getId(), "保存组 " + group.getName());
                });
                return;
            }
            super.saveGroup(group);
        }

        @Override
        public void deleteGroup(String groupId) {
            if (client()) {
                Caller caller = caller();
                allow(caller, Action.DELETE_GROUP, new Target(null, Set.of(), groupId));
                audited(() -> {
                    super.deleteGroup(groupId);
                    changes.record(caller.userId(), Action.DELETE_GROUP, null, groupId, "删除组");
                });
                return;
            }
            super.deleteGroup(groupId);
        }

        @Override
        public void unlockUser(String userId) {
            if (client()) {
                Caller caller = caller();
                allow(caller, Action.UNLOCK, target(userId, null));
                audited(() -> {
                    super.unlockUser(userId);
                    changes.record(caller.userId(), Action.UNLOCK, userId, null, "解除锁定");
                });
                return;
            }
            super.unlockUser(userId);
        }
    }

    /**
     * The password a client set on the account, before the engine hashes it: Camunda keeps it in a field with no
     * getter (IdentityGuardIT fails if a later version renames it).
     */
    static String newPassword(UserEntity user) {
        try {
            java.lang.reflect.Field f = UserEntity.class.getDeclaredField("newPassword");
            f.setAccessible(true);
            return (String) f.get(user);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Camunda's UserEntity has no newPassword field any more", e);
        }
    }

    /** The rules a password broke, as a person reads them. */
    static String describe(List<PasswordPolicyRule> violated) {
        Set<String> out = new HashSet<>();
        StringBuilder sb = new StringBuilder();
        for (PasswordPolicyRule r : violated) {
            String text = switch (r.getPlaceholder()) {
                case "PASSWORD_POLICY_LENGTH" -> "至少 " + AccountPasswordPolicy.MIN_LENGTH + " 个字符";
                case "PASSWORD_POLICY_LETTER" -> "至少含 1 个字母";
                case "PASSWORD_POLICY_DIGIT" -> "至少含 1 个数字";
                case "PASSWORD_POLICY_USER_DATA" -> "不得包含账号、姓名或邮箱";
                case "PASSWORD_POLICY_COMMON" -> "不得使用常见密码或演示密码";
                default -> r.getPlaceholder();
            };
            if (out.add(text)) {
                sb.append(sb.isEmpty() ? "" : "；").append(text);
            }
        }
        return sb.toString();
    }
}
