package cn.duban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.AccountPasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.junit.jupiter.api.Test;

/** A new account's random password always passes duban's own password policy (it once failed about 1 in 60). */
class UnitAccountsTest {

    @Test
    void everyRandomPasswordPassesThePolicy() {
        var policy = new AccountPasswordPolicy();
        var user = new org.camunda.bpm.engine.impl.persistence.entity.UserEntity("ylzx-reporter");
        user.setFirstName("韩");
        user.setLastName("梅");
        user.setEmail("ylzx@demo.duban.local");
        for (int i = 0; i < 5_000; i++) {
            String pw = UnitAccounts.randomPassword();
            for (PasswordPolicyRule rule : policy.getRules()) {
                assertThat(rule.execute(pw, user)).as(rule.getPlaceholder() + ": " + pw).isTrue();
            }
        }
    }
}
