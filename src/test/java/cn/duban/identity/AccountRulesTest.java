package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.AccountRules.Action;
import cn.duban.identity.AccountRules.Caller;
import cn.duban.identity.AccountRules.Target;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Separation of duties, without an engine: who may change whose account and roles. */
class AccountRulesTest {

    static final Caller ADMIN = new Caller("admin", Set.of(Roles.ADMIN));
    static final Caller OPERATOR = new Caller("operator", Set.of(Roles.OPERATOR));
    static final Caller CLERK = new Caller("rmyy-reporter", Set.of("rmyy"));

    static Target unitAccount(String id) {
        return new Target(id, Set.of("rmyy"), null);
    }

    static Optional<String> refusal(Caller c, Action a, Target t) {
        return AccountRules.refusal(c, a, t);
    }

    @Test
    void anOperatorRunsUnitAccountsButGrantsNoRoleThatDecidesWhatTheSectionMayDo() {
        assertThat(refusal(OPERATOR, Action.CREATE_USER, unitAccount("zyy-clerk"))).isEmpty();
        assertThat(refusal(OPERATOR, Action.SET_PASSWORD, unitAccount("rmyy-reporter"))).isEmpty();
        assertThat(refusal(OPERATOR, Action.CHANGE_MAILBOX, unitAccount("rmyy-reporter"))).isEmpty();
        assertThat(refusal(OPERATOR, Action.GRANT_ROLE, new Target("rmyy-reporter", Set.of("rmyy"), "zyy"))).isEmpty();
        for (String role : AccountRules.PRIVILEGED) {
            assertThat(refusal(OPERATOR, Action.GRANT_ROLE, new Target("rmyy-reporter", Set.of("rmyy"), role)))
                    .as(role).hasValueSatisfying(m -> assertThat(m).startsWith("只有系统管理员可以授予或收回"));
            assertThat(refusal(OPERATOR, Action.SAVE_GROUP, new Target(null, Set.of(), role))).as(role).isPresent();
        }
        assertThat(refusal(OPERATOR, Action.GRANT_ROLE, new Target("operator", Set.of(Roles.OPERATOR), Roles.ADMIN)))
                .hasValue("不能修改自己的角色");
    }

    @Test
    void anOperatorNeitherResetsNorEditsTheAccountsOfTheSectionTheLeadersOrIt() {
        Target head = new Target("head1", Set.of(Roles.SECTION_HEAD), null);
        assertThat(refusal(OPERATOR, Action.SET_PASSWORD, head)).hasValue("只有系统管理员可以重置综合监督科、局领导和运维人员的密码");
        assertThat(refusal(OPERATOR, Action.SET_PASSWORD, new Target("admin", Set.of(Roles.ADMIN), null))).isPresent();
        assertThat(refusal(OPERATOR, Action.DELETE_USER, head)).isPresent();
        assertThat(refusal(OPERATOR, Action.CHANGE_MAILBOX, head)).isPresent();
        assertThat(refusal(ADMIN, Action.SET_PASSWORD, head)).isEmpty();
        assertThat(refusal(ADMIN, Action.GRANT_ROLE, new Target("head1", Set.of(Roles.SECTION_HEAD), Roles.LEADER))).isEmpty();
    }

    @Test
    void everybodyChangesTheirOwnPasswordAndNameButNotTheirMailboxRolesOrExistence() {
        Target self = unitAccount("rmyy-reporter");
        assertThat(refusal(CLERK, Action.SET_PASSWORD, self)).isEmpty();
        assertThat(refusal(CLERK, Action.UPDATE_NAME, self)).isEmpty();
        assertThat(refusal(CLERK, Action.CHANGE_MAILBOX, self)).hasValue("邮箱由运维人员维护，如需修改请联系运维人员");
        assertThat(refusal(CLERK, Action.DELETE_USER, self)).hasValue("不能删除自己的账号");
        assertThat(refusal(CLERK, Action.GRANT_ROLE, new Target("rmyy-reporter", Set.of("rmyy"), "zyy"))).hasValue("不能修改自己的角色");
        assertThat(refusal(ADMIN, Action.DELETE_USER, new Target("admin", Set.of(Roles.ADMIN), null))).hasValue("不能删除自己的账号");
    }

    @Test
    void aClerkTouchesNobodyElsesAccount() {
        assertThat(refusal(CLERK, Action.SET_PASSWORD, unitAccount("rmyy-head"))).hasValue("只能修改自己的密码");
        assertThat(refusal(CLERK, Action.UPDATE_NAME, unitAccount("rmyy-head"))).hasValue("只能修改自己的姓名");
        assertThat(refusal(CLERK, Action.CREATE_USER, unitAccount("new"))).hasValue("只有运维人员和系统管理员可以管理账号");
        assertThat(refusal(CLERK, Action.UNLOCK, unitAccount("rmyy-head"))).isPresent();
    }
}
