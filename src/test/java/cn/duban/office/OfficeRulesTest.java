package cn.duban.office;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.identity.Roles.OfficeRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An office's code and name, its groups, and whose offices a person's groups say (issue #28 §3), without Spring. */
class OfficeRulesTest {

    @Test
    void aCodeIsShortLowerCaseAndNamesItsGroups() {
        assertThat(OfficeRules.check("fbg", "防保股")).isEmpty();
        assertThat(OfficeRules.check("Fang Bao", "")).containsKeys("code", "name");
        assertThat(OfficeRules.check("f-b", "防保股").get("code")).contains("只能含小写字母和数字");
        assertThat(OfficeRules.check("fbg", "防".repeat(51)).get("name")).contains("最多 50 字");
    }

    @Test
    void theFirstOfficeKeepsItsGroupsALaterOneHasItsOwn() {
        assertThat(Roles.officeGroup(Roles.DEFAULT_OFFICE, OfficeRole.REVIEWER)).isEqualTo(Roles.REVIEWER);
        assertThat(Roles.officeGroup("fbg", OfficeRole.REVIEWER)).isEqualTo("office-fbg-reviewer");
        assertThat(Roles.officeGroup("fbg", OfficeRole.HEAD)).isEqualTo("office-fbg-head");
        assertThat(Roles.officeOf("office-fbg-head", OfficeRole.HEAD)).isEqualTo("fbg");
        assertThat(Roles.officeOf("section-head", OfficeRole.HEAD)).isEqualTo(Roles.DEFAULT_OFFICE);
        assertThat(Roles.officeOf("office-fbg-head", OfficeRole.REVIEWER)).isNull();
        assertThat(Roles.officeOf("unit-rmyy", OfficeRole.DRAFTER)).isNull();
        assertThat(Roles.isOfficeRoleGroup("office-fbg-drafter")).isTrue();
        assertThat(Roles.isOfficeRoleGroup("office-fbg")).isFalse();
    }

    @Test
    void aPersonWatchesTheirOfficesAndTheBureauWideWatchEvery() {
        CurrentUser fbgReviewer = new CurrentUser("a", List.of("office-fbg-reviewer"));
        assertThat(fbgReviewer.offices()).containsExactly("fbg");
        assertThat(fbgReviewer.watchesOffice("fbg")).isTrue();
        assertThat(fbgReviewer.watchesOffice(Roles.DEFAULT_OFFICE)).isFalse();
        assertThat(fbgReviewer.decidesFor("fbg")).as("a reviewer does not withdraw units").isFalse();
        assertThat(fbgReviewer.isSupervision()).isTrue();
        CurrentUser leader = new CurrentUser("l", List.of(Roles.LEADER));
        assertThat(leader.watchesOffice("fbg")).isTrue();
        assertThat(leader.offices()).isEmpty();
        CurrentUser reporter = new CurrentUser("r", List.of(Roles.REPORTER, "unit-rmyy"));
        assertThat(reporter.isSupervision()).isFalse();
        assertThat(reporter.watchesOffice(Roles.DEFAULT_OFFICE)).isFalse();
    }
}
