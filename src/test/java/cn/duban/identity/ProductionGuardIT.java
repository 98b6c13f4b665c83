package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.EngineTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The production guard's checks, against the test engine (whose admin has the password "admin"). */
@EngineTest
class ProductionGuardIT {

    @Autowired IdentityService identityService;

    @Test
    void demoDataMissingOrWeakAdminPasswordsAndDemoAccountsAreRefused() {
        var demoUser = identityService.newUser("lijun");
        demoUser.setPassword("demo");
        identityService.saveUser(demoUser);
        try {
            assertThat(new ProductionGuard(identityService, true, "").problems())
                    .contains("demo data is enabled (duban.demo.enabled=true)", "no admin password: set DUBAN_ADMIN_PASSWORD",
                            "the demo account 'lijun' still has its demo password");
        } finally {
            identityService.deleteUser("lijun");
        }
        assertThat(new ProductionGuard(identityService, false, "admin").problems())
                .contains("the admin password is too weak (at least 12 characters)");
        assertThatThrownBy(() -> new ProductionGuard(identityService, false, "").run(null))
                .hasMessageStartingWith("duban will not start in production");
    }

    @Test
    void aProperlySetUpProductionPasses() {
        String strong = "Yiyuan-2024-zhjdk!";
        var problems = new ProductionGuard(identityService, false, strong).problems();
        // the test engine's own admin account has a demo password; nothing else is wrong
        assertThat(problems).allMatch(p -> p.equals("the demo account 'admin' still has its demo password"));
    }
}
