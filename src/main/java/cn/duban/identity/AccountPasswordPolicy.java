package cn.duban.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * duban's password policy, enforced by the engine on every password set through its identity service (Admin, the
 * REST APIs, the unit registry): at least {@link #MIN_LENGTH} characters with a letter and a digit, none of the
 * account's own id, name or mailbox in it (Camunda's user-data rule), and none of the passwords everybody tries first
 * ({@link CommonPasswords}: a kept list, the demo's among them, with leetspeak undone, and the usual patterns of a word
 * or name with a simple number). Admin shows the rules beside the password field as they are typed.
 */
public final class AccountPasswordPolicy implements PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new HasLetter(), new PasswordPolicyDigitRuleImpl(1),
                new PasswordPolicyUserDataRuleImpl(), new NotCommon());
    }

    /** At least one letter (Camunda has rules for lower and upper case, none for "a letter"); Admin shows PASSWORD_POLICY_LETTER. */
    static final class HasLetter implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_LETTER";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("minLetter", "1");
        }

        @Override
        public boolean execute(String password) {
            return password != null && password.chars().anyMatch(Character::isLetter);
        }

        @Override
        public boolean execute(String candidatePassword, User user) {
            return execute(candidatePassword);
        }
    }

    /** Not a common password ({@link CommonPasswords}); Admin shows it as PASSWORD_POLICY_COMMON. */
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
            return password != null && !CommonPasswords.isCommon(password);
        }

        @Override
        public boolean execute(String candidatePassword, User user) {
            return execute(candidatePassword);
        }
    }
}
