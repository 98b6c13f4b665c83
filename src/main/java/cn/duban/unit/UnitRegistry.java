package cn.duban.unit;

import cn.duban.support.DubanProperties;
import cn.duban.identity.IdentitySetup;
import cn.duban.identity.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the unit registry CSV on first start (when duban's unit table is empty) and mirrors it into
 * Camunda: a group per unit ({@code unit-<code>}), and the head's and reporter's accounts, members of
 * their unit's group and of the role groups {@code unit-head} / {@code reporter}.
 */
@Component
@Order(2)
public class UnitRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnitRegistry.class);

    private final UnitRepository units;
    private final IdentityService identityService;
    private final IdentitySetup identitySetup;
    private final Resource csv;
    private final String initialPassword;

    public UnitRegistry(UnitRepository units, IdentityService identityService, IdentitySetup identitySetup,
                        org.springframework.core.io.ResourceLoader resources, DubanProperties settings) {
        this.units = units;
        this.identityService = identityService;
        this.identitySetup = identitySetup;
        this.csv = resources.getResource(settings.units().csv());
        this.initialPassword = settings.demo().password();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            return;
        }
        try {
            int n = load(csv.getContentAsString(StandardCharsets.UTF_8));
            log.info("Loaded {} units from {}", n, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read unit registry " + csv, e);
        }
    }

    /** Loads a registry file: all of it or, on any bad row, none of it. */
    @Transactional
    public int load(String content) {
        List<UnitCsv.Row> rows = UnitCsv.parse(content);
        for (UnitCsv.Row row : rows) {
            Unit u = row.unit();
            if (units.find(u.code()).isPresent()) {
                continue;
            }
            units.insert(u);
            identitySetup.ensureGroup(Roles.unitGroup(u.code()), u.name(), Roles.UNIT_GROUP_TYPE);
            if (u.headUser() != null) {
                ensureUser(u.headUser(), u.headName(), u.name() + "负责人", u.mailbox());
                identitySetup.ensureMembership(u.headUser(), Roles.unitGroup(u.code()));
                identitySetup.ensureMembership(u.headUser(), Roles.UNIT_HEAD);
            }
            if (row.reporterUser() != null) {
                ensureUser(row.reporterUser(), row.reporterName(), u.name() + "填报专人", u.mailbox());
                identitySetup.ensureMembership(row.reporterUser(), Roles.unitGroup(u.code()));
                identitySetup.ensureMembership(row.reporterUser(), Roles.REPORTER);
            }
        }
        return rows.size();
    }

    private void ensureUser(String id, String personName, String fallbackName, String email) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        String name = personName == null ? fallbackName : personName;
        // Chinese names: family name first, shown by Camunda as "firstName lastName"
        user.setFirstName(name.substring(0, 1));
        user.setLastName(name.length() > 1 ? name.substring(1) : "");
        user.setEmail(email);
        user.setPassword(initialPassword == null || initialPassword.isBlank() ? randomPassword() : initialPassword);
        identityService.saveUser(user);
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().encodeToString(b);
    }
}
