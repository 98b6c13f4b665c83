package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.junit.jupiter.api.Test;

/** The password policy without an engine: a letter and a digit truly, and no password everybody tries first. */
class AccountPasswordPolicyTest {

    static final AccountPasswordPolicy POLICY = new AccountPasswordPolicy();

    /** The placeholders of the rules a password breaks (none: accepted); the user-data rule needs an account, left out here. */
    static List<String> broken(String password) {
        return POLICY.getRules().stream().filter(r -> !r.getPlaceholder().equals("PASSWORD_POLICY_USER_DATA"))
                .filter(r -> !r.execute(password)).map(PasswordPolicyRule::getPlaceholder).toList();
    }

    @Test
    void theIssuesExamplesAreRefused() {
        assertThat(broken("20262026")).as("no letter, a year twice").contains("PASSWORD_POLICY_LETTER", "PASSWORD_POLICY_COMMON");
        assertThat(broken("P@ssw0rd")).containsExactly("PASSWORD_POLICY_COMMON");
        assertThat(broken("Admin@123")).containsExactly("PASSWORD_POLICY_COMMON");
    }

    @Test
    void aLetterAndADigitAreBothNeeded() {
        assertThat(broken("98273645")).contains("PASSWORD_POLICY_LETTER");
        assertThat(broken("Kestrel-Wharf")).containsExactly("PASSWORD_POLICY_DIGIT");
        assertThat(broken("沂源卫健局7号楼北")).as("a Chinese character is a letter").isEmpty();
    }

    @Test
    void theUsualChinesePasswordsAndTheirPatternsAreCommon() {
        for (String pw : new String[] {"woaini1314", "WoAiNi520", "qwe123", "qwe123456", "a1234567", "A12345678", "password1",
                "iloveyou", "1qaz2wsx", "1q2w3e4r", "qazwsx123", "asdf1234", "zxcvbnm1", "Qwertyuiop", "abc123456",
                "qq123456", "aa123456", "5201314a", "zhang123", "Zhang1990", "wang19880808", "li123456", "liu888888", "chen2026!",
                "huawei@123", "Root@123", "test1234", "demo1234", "duban2026", "camunda1", "abcd1234", "88888888", "12345678",
                "19900101", "20241231", "19851985", "12121212", "mima1234", "wodemima1"}) {
            assertThat(CommonPasswords.isCommon(pw)).as(pw).isTrue();
            assertThat(broken(pw)).as(pw).contains("PASSWORD_POLICY_COMMON");
        }
    }

    @Test
    void leetspeakVariantsOfPasswordAndAdminAreCommon() {
        for (String pw : new String[] {"Passw0rd", "P@$$w0rd", "pa55word", "P4ssw0rd!", "Pa$$w0rd2026", "4dm1n123", "@dmin2026",
                "Adm1n@888", "ADMIN@123", "r00t@123"}) {
            assertThat(CommonPasswords.isCommon(pw)).as(pw).isTrue();
        }
    }

    @Test
    void passwordsThatAreNotCommonPass() {
        for (String pw : new String[] {"Spring-field-2026", "Taken-over-2026", "Kq7-mule-Ridge", "x7!9#2$5", "yuanshui8Gh3",
                "Hx93751862", "zhangke-Kq73!", "Lw8rN2vQ"}) {
            assertThat(CommonPasswords.isCommon(pw)).as(pw).isFalse();
            assertThat(broken(pw)).as(pw).isEmpty();
        }
    }

    @Test
    void theKeptListIsReadAndCaseIsIgnored() {
        assertThat(CommonPasswords.isCommon("HUAWEI@123")).isTrue();
        assertThat(CommonPasswords.isCommon("Sangfor@123")).isTrue();
        assertThat(CommonPasswords.deleet("P@$$w0rd")).isEqualTo("password");
    }
}
