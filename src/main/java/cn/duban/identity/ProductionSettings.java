package cn.duban.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In production ({@code duban.production=true}, the postgres profile) the settings a county must give are checked
 * before anything starts — before a connection to the database is even tried — and every one missing is listed at once
 * ({@link ProductionNotReady}): the database password, the administrator's password, the sender address of the mails,
 * the address of Tasklist the mails link to, and the mail relay. (What needs the database — a weak administrator
 * password, demo accounts with their demo passwords — is {@link ProductionGuard}'s, after the engine starts.)
 */
public class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Boolean.parseBoolean(environment.getProperty("duban.production", "false"))) {
            return;
        }
        List<ProductionNotReady.Problem> problems = problems(environment::getProperty);
        if (!problems.isEmpty()) {
            throw new ProductionNotReady(problems);
        }
    }

    /** The problems of these settings (a property's value by its name, null when unset); pure. */
    static List<ProductionNotReady.Problem> problems(java.util.function.Function<String, String> settings) {
        List<ProductionNotReady.Problem> p = new ArrayList<>();
        if (blank(settings.apply("spring.datasource.password"))) {
            p.add(new ProductionNotReady.Problem("未设置数据库密码：请设置环境变量 DUBAN_DB_PASSWORD（还有 DUBAN_DB_HOST、DUBAN_DB_NAME、DUBAN_DB_USER，不是默认值时）",
                    "no database password: set DUBAN_DB_PASSWORD (and DUBAN_DB_HOST, DUBAN_DB_NAME, DUBAN_DB_USER where not the defaults)"));
        }
        if (blank(settings.apply("camunda.bpm.admin-user.password"))) {
            p.add(new ProductionNotReady.Problem("未设置系统管理员密码：请设置环境变量 DUBAN_ADMIN_PASSWORD（至少 12 位，含字母和数字，不能是常见密码）",
                    "no admin password: set DUBAN_ADMIN_PASSWORD (at least 12 characters, with a letter and a digit, not a common password)"));
        }
        if (Boolean.parseBoolean(settings.apply("duban.demo.enabled"))) {
            p.add(new ProductionNotReady.Problem("演示数据已开启：生产环境请去掉 duban.demo.enabled=true",
                    "demo data is enabled (duban.demo.enabled=true)"));
        }
        String from = settings.apply("duban.mail.from");
        if (blank(from) || from.strip().endsWith("@localhost")) {
            p.add(new ProductionNotReady.Problem("未设置邮件发件地址：请设置环境变量 DUBAN_MAIL_FROM（本局的邮箱，如 duban@yiyuan.gov.cn）",
                    "no sender address for mails: set DUBAN_MAIL_FROM (the bureau's mailbox, e.g. duban@yiyuan.gov.cn)"));
        }
        String tasklist = settings.apply("duban.mail.tasklist-url");
        if (blank(tasklist) || tasklist.contains("://localhost")) {
            p.add(new ProductionNotReady.Problem("未设置邮件中的办理入口：请设置环境变量 DUBAN_TASKLIST_URL 为各单位打开 Tasklist 的地址"
                    + "（如 https://duban.yiyuan.gov.cn/camunda/app/tasklist/default/）",
                    "no address of Tasklist for the mails' links: set DUBAN_TASKLIST_URL to the address the units open "
                            + "(e.g. https://duban.yiyuan.gov.cn/camunda/app/tasklist/default/)"));
        }
        String host = settings.apply("spring.mail.host");
        if (blank(host) || ("localhost".equals(host.strip()) && "2525".equals(String.valueOf(settings.apply("spring.mail.port")).strip()))) {
            p.add(new ProductionNotReady.Problem("未设置邮件中继：请设置环境变量 SPRING_MAIL_HOST 和 SPRING_MAIL_PORT（需要登录时还有 "
                    + "SPRING_MAIL_USERNAME、SPRING_MAIL_PASSWORD）",
                    "no mail relay: set SPRING_MAIL_HOST and SPRING_MAIL_PORT (and SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD where it needs a login)"));
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public int getOrder() {
        // after Spring Boot has read the profiles' files (ConfigDataEnvironmentPostProcessor)
        return Ordered.LOWEST_PRECEDENCE;
    }
}
