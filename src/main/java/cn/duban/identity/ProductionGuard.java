package cn.duban.identity;

import cn.duban.support.DubanProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production ({@code duban.production=true}, set by the postgres profile) duban refuses to start with
 * demo data switched on, without an explicit admin password of at least 12 characters, or while any of
 * the demo accounts still logs in with the demo password.
 */
@Component
@Order(-10)
@ConditionalOnProperty(name = "duban.production", havingValue = "true")
class ProductionGuard implements ApplicationRunner {

    static final List<String> DEMO_ACCOUNTS = List.of("admin", "yanglei", "wangshu", "zhangke", "lijun", "operator",
            "rmyy-reporter", "rmyy-head");

    private final IdentityService identityService;
    private final org.camunda.bpm.engine.impl.digest.PasswordManager passwords;
    private final boolean demo;
    private final String adminPassword;

    @org.springframework.beans.factory.annotation.Autowired
    ProductionGuard(IdentityService identityService, org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration,
                    DubanProperties settings, @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this(identityService, engineConfiguration, settings.demo().enabled(), adminPassword);
    }

    ProductionGuard(IdentityService identityService, org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration,
                    boolean demo, String adminPassword) {
        this.identityService = identityService;
        this.passwords = engineConfiguration.getPasswordManager();
        this.demo = demo;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ProductionNotReady.Problem> problems = problemsSaid();
        if (!problems.isEmpty()) {
            throw new ProductionNotReady(problems);
        }
    }

    /** The problems in English (as tests read them). */
    List<String> problems() {
        return problemsSaid().stream().map(ProductionNotReady.Problem::en).toList();
    }

    /** The problems, each in Chinese and English. */
    List<ProductionNotReady.Problem> problemsSaid() {
        List<ProductionNotReady.Problem> p = new ArrayList<>();
        if (demo) {
            p.add(new ProductionNotReady.Problem("演示数据已开启：生产环境请去掉 duban.demo.enabled=true", "demo data is enabled (duban.demo.enabled=true)"));
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            p.add(new ProductionNotReady.Problem("未设置系统管理员密码：请设置环境变量 DUBAN_ADMIN_PASSWORD", "no admin password: set DUBAN_ADMIN_PASSWORD"));
        } else if (adminPassword.length() < 12 || !identityService.checkPasswordAgainstPolicy(adminPassword).isValid()) {
            p.add(new ProductionNotReady.Problem("系统管理员密码太弱：至少 12 位，含字母和数字，不能是常见密码（DUBAN_ADMIN_PASSWORD）",
                    "the admin password is too weak (at least 12 characters, with a letter and a digit, not a common password)"));
        }
        for (String id : DEMO_ACCOUNTS) {
            for (String pw : List.of("demo", "admin")) {
                if (hasPassword(id, pw)) {
                    p.add(new ProductionNotReady.Problem("演示账号“" + id + "”仍在使用演示密码：请在 Admin 中为它设置新密码或删除它",
                            "the demo account '" + id + "' still has its demo password"));
                }
            }
        }
        return p;
    }

    /**
     * Compares with the stored hash directly: {@code IdentityService.checkPassword} counts a miss as a failed
     * login, so the guard would lock the admin account on every start of every node.
     */
    private boolean hasPassword(String userId, String candidate) {
        var user = identityService.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof org.camunda.bpm.engine.impl.persistence.entity.UserEntity entity) || entity.getPassword() == null) {
            return false;
        }
        return passwords.check(org.camunda.bpm.engine.impl.util.EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword());
    }
}
