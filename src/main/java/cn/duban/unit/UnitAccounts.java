package cn.duban.unit;

import cn.duban.identity.IdentitySetup;
import cn.duban.identity.Roles;
import cn.duban.support.DubanProperties;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A unit in Camunda, the same way for the first start's CSV, an import and the operator's form: a group per unit
 * ({@code unit-<code>}, named after the unit), and the head's and reporter's accounts, members of their unit's group
 * and of the role groups {@code unit-head} / {@code reporter} — which is all the authorizations a unit's people
 * need (filters and tasks go to those groups). A new account gets a random password nobody knows: the operator sets
 * it in Admin; none is ever shipped. Only the registry loaded on a first start gives its accounts the configured
 * {@code duban.demo.password} (the demo's and the tests' shared one; a production start refuses a demo password).
 */
@Component
class UnitAccounts {

    private final IdentityService identityService;
    private final IdentitySetup identitySetup;
    private final String initialPassword;

    UnitAccounts(IdentityService identityService, IdentitySetup identitySetup, DubanProperties settings) {
        this.identityService = identityService;
        this.identitySetup = identitySetup;
        this.initialPassword = settings.demo().password();
    }

    /** The unit's group (renamed with the unit) and the named accounts; returns the accounts it created. */
    List<String> ensure(Unit u, String reporterName, String reporterUser, boolean firstStart) {
        String group = Roles.unitGroup(u.code());
        identitySetup.ensureGroup(group, u.name(), Roles.UNIT_GROUP_TYPE);
        Group g = identityService.createGroupQuery().groupId(group).singleResult();
        if (g != null && !u.name().equals(g.getName())) {
            g.setName(u.name());
            identityService.saveGroup(g);
        }
        List<String> created = new ArrayList<>();
        if (u.headUser() != null) {
            if (ensureUser(u.headUser(), u.headName(), u.name() + "负责人", u.mailbox(), firstStart)) {
                created.add(u.headUser());
            }
            identitySetup.ensureMembership(u.headUser(), group);
            identitySetup.ensureMembership(u.headUser(), Roles.UNIT_HEAD);
        }
        if (reporterUser != null) {
            if (ensureUser(reporterUser, reporterName, u.name() + "填报专人", u.mailbox(), firstStart)) {
                created.add(reporterUser);
            }
            identitySetup.ensureMembership(reporterUser, group);
            identitySetup.ensureMembership(reporterUser, Roles.REPORTER);
        }
        shareNames(u.code());
        return created;
    }

    /**
     * A unit's people read each other's names (the reporter sees the head's 单位负责人审批 held by 彭国庆, not by
     * rmyy-head) and nobody else's: a grant per member to the unit's group.
     */
    void shareNames(String unitCode) {
        String group = Roles.unitGroup(unitCode);
        // granted by duban itself: the operator who adds the unit manages accounts, not authorizations
        cn.duban.engine.ClientCalls.asDuban(identityService, () -> {
            identityService.createUserQuery().memberOfGroup(group).list()
                    .forEach(member -> identitySetup.grant(group, Resources.USER, member.getId(), Permissions.READ));
            return null;
        });
    }

    /** The unit's people with the unit roles they hold, by account. */
    List<UnitAdmin.Member> members(String unitCode) {
        return identityService.createUserQuery().memberOfGroup(Roles.unitGroup(unitCode)).orderByUserId().asc().list().stream()
                .map(u -> {
                    List<String> roles = new ArrayList<>();
                    if (identityService.createUserQuery().userId(u.getId()).memberOfGroup(Roles.REPORTER).count() > 0) {
                        roles.add(Roles.NAMES.get(Roles.REPORTER));
                    }
                    if (identityService.createUserQuery().userId(u.getId()).memberOfGroup(Roles.UNIT_HEAD).count() > 0) {
                        roles.add(Roles.NAMES.get(Roles.UNIT_HEAD));
                    }
                    return new UnitAdmin.Member(u.getId(), cn.duban.identity.People.name(u), roles);
                }).toList();
    }

    /** Whether the account exists and belongs to another unit than this one. */
    boolean belongsElsewhere(String userId, String unitCode) {
        return userId != null && identityService.createGroupQuery().groupMember(userId).groupType(Roles.UNIT_GROUP_TYPE).list()
                .stream().anyMatch(g -> !g.getId().equals(Roles.unitGroup(unitCode)));
    }

    private boolean ensureUser(String id, String personName, String fallbackName, String email, boolean firstStart) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identityService.newUser(id);
        String name = personName == null ? fallbackName : personName;
        // Chinese names: family name first, shown by Camunda as "firstName lastName"
        user.setFirstName(name.substring(0, 1));
        user.setLastName(name.length() > 1 ? name.substring(1) : "");
        user.setEmail(email);
        user.setPassword(!firstStart || initialPassword == null || initialPassword.isBlank() ? randomPassword() : initialPassword);
        identityService.saveUser(user);
        return true;
    }

    /**
     * 24 random characters and a digit: the password policy asks for a digit, which 24 random Base64 characters
     * lack about once in 60 accounts (a registry of 60 accounts would then fail to load more often than not).
     */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b) + random.nextInt(10);
    }
}
