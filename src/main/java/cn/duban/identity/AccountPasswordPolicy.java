package cn.duban.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * duban's password policy, enforced by the engine on every password set through its identity service (Admin, the
 * REST APIs, the unit registry): at least {@link #MIN_LENGTH} characters with a digit, none of the account's own
 * id, name or mailbox in it (Camunda's user-data rule), and none of the passwords everybody tries first — the demo's
 * among them. Admin shows the rules beside the password field as they are typed.
 */
public final class AccountPasswordPolicy implements PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    /** Passwords refused whoever sets them: the demo's, the defaults of admin consoles, the usual keyboard runs. */
    static final Set<String> COMMON = Set.of("demo", "test", "admin", "camunda", "password", "passw0rd", "12345678",
            "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "qwertyui", "qwerty123", "abc12345",
            "abcd1234", "1qaz2wsx", "admin123", "admin1234", "demo1234", "test1234", "password1", "iloveyou", "a1234567",
            "aa123456", "woaini1314", "123qweasd", "duban123", "duban1234");

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new PasswordPolicyDigitRuleImpl(1),
                new PasswordPolicyUserDataRuleImpl(), new NotCommon());
    }

    /** Not one of {@link #COMMON} (case ignored); Admin shows it as PASSWORD_POLICY_COMMON. */
    static final class NotCommon implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_COMMON";
        }

        @Override
        public Map<String, String> getParameters() {
            return null;
        }

        @Override
        public boolean execute(String password) {
            return password != null && !COMMON.contains(password.strip().toLowerCase(Locale.ROOT));
        }

        @Override
        public boolean execute(String candidatePassword, User user) {
            return execute(candidatePassword);
        }
    }
}
