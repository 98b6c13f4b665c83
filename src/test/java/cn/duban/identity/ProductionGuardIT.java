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
    @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl config;

    @Test
    void demoDataMissingOrWeakAdminPasswordsAndDemoAccountsAreRefused() {
        var demoUser = identityService.newUser("lijun");
        demoUser.setPassword("demo");
        identityService.saveUser(demoUser);
        try {
            assertThat(new ProductionGuard(identityService, config, true, "").problems())
                    .contains("demo data is enabled (duban.demo.enabled=true)", "no admin password: set DUBAN_ADMIN_PASSWORD",
                            "the demo account 'lijun' still has its demo password");
        } finally {
            identityService.deleteUser("lijun");
        }
        assertThat(new ProductionGuard(identityService, config, false, "admin").problems())
                .contains("the admin password is too weak (at least 12 characters, with a letter and a digit, not a common password)");
        assertThatThrownBy(() -> new ProductionGuard(identityService, config, false, "").run(null))
                .isInstanceOf(ProductionNotReady.class).hasMessageStartingWith("duban will not start in production")
                .satisfies(e -> assertThat(((ProductionNotReady) e).problems()).extracting(ProductionNotReady.Problem::zh)
                        .contains("未设置系统管理员密码：请设置环境变量 DUBAN_ADMIN_PASSWORD"));
    }

    @Test
    void checkingForDemoPasswordsLocksNoAccount() {
        for (int i = 0; i < 5; i++) {
            new ProductionGuard(identityService, config, false, "Yiyuan-2024-zhjdk!").problems();
        }
        // a failed login would have locked the admin for a while: the guard's checks are not logins
        assertThat(identityService.checkPassword("admin", "admin")).isTrue();
    }

    @Test
    void aProperlySetUpProductionPasses() {
        String strong = "Yiyuan-2024-zhjdk!";
        var problems = new ProductionGuard(identityService, config, false, strong).problems();
        // the test engine's own admin account has a demo password; nothing else is wrong
        assertThat(problems).allMatch(p -> p.equals("the demo account 'admin' still has its demo password"));
    }
}
