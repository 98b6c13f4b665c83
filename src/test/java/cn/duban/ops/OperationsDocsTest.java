package cn.duban.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * docs/operations.md's files stay true to duban: the sample settings pass production's check, nginx lets through the
 * largest request duban takes, the unit starts the jar with the production profile and the settings file.
 */
class OperationsDocsTest {

    static final Path OPS = Path.of("docs/ops");

    /** The sample environment file, as systemd reads it (KEY=value; comments and blank lines left out). */
    static Map<String, String> env() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(OPS.resolve("duban.env"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                String v = l.substring(l.indexOf('=') + 1);
                out.put(l.substring(0, l.indexOf('=')), v.length() > 1 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v);
            }
        }
        return out;
    }

    @Test
    void theSampleSettingsAreWhatProductionAsksFor() throws Exception {
        Map<String, String> env = env();
        Properties postgres = new Properties();
        postgres.load(new StringReader(Files.readString(Path.of("src/main/resources/application-postgres.properties"))));
        Properties defaults = new Properties();
        defaults.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
        Map<String, String> settings = new HashMap<>();
        for (String name : new String[] {"spring.datasource.password", "camunda.bpm.admin-user.password", "duban.demo.enabled",
                "duban.mail.from", "duban.mail.tasklist-url"}) {
            settings.put(name, resolve(postgres.getProperty(name), env));
        }
        // Spring's own names, from the environment as Spring Boot binds them
        settings.put("spring.mail.host", env.getOrDefault("SPRING_MAIL_HOST", defaults.getProperty("spring.mail.host")));
        settings.put("spring.mail.port", env.getOrDefault("SPRING_MAIL_PORT", defaults.getProperty("spring.mail.port")));
        assertThat(cn.duban.identity.ProductionSettingsAccess.problems(settings)).isEmpty();
        assertThat(env).containsKeys("DUBAN_DB_PASSWORD", "DUBAN_ADMIN_PASSWORD", "DUBAN_MAIL_FROM", "DUBAN_TASKLIST_URL", "SPRING_MAIL_HOST",
                "DUBAN_LOG_FILE", "DUBAN_TRUSTED_PROXIES");
        assertThat(env.get("DUBAN_ADMIN_PASSWORD")).hasSizeGreaterThanOrEqualTo(12);
        // the trusted proxies as Tomcat reads them: a regular expression that matches nginx on this machine only
        assertThat("127.0.0.1").matches(env.get("DUBAN_TRUSTED_PROXIES"));
        assertThat("127.0.0.10").doesNotMatch(env.get("DUBAN_TRUSTED_PROXIES"));
    }

    @Test
    void nginxTakesTheLargestRequestDubanTakes() throws IOException {
        Properties app = new Properties();
        app.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
        DataSize duban = DataSize.parse(app.getProperty("spring.servlet.multipart.max-request-size"));
        Matcher m = Pattern.compile("client_max_body_size\\s+(\\d+)([kmg]);").matcher(Files.readString(OPS.resolve("nginx-duban.conf")));
        assertThat(m.find()).isTrue();
        long nginx = Long.parseLong(m.group(1)) << switch (m.group(2)) { case "k" -> 10; case "m" -> 20; default -> 30; };
        assertThat(nginx).isEqualTo(duban.toBytes());
        assertThat(Files.readString(OPS.resolve("nginx-duban.conf")))
                .contains("proxy_set_header X-Forwarded-For", "proxy_set_header X-Forwarded-Proto", "proxy_set_header X-Request-Id $request_id",
                        "proxy_request_buffering off", "ip_hash;");
    }

    @Test
    void theServiceRunsTheJarInProductionWithTheSettingsFile() throws IOException {
        String unit = Files.readString(OPS.resolve("duban.service"));
        assertThat(unit).contains("EnvironmentFile=/etc/duban/duban.env", "--spring.profiles.active=postgres", "-Xmx", "MemoryMax=",
                "Restart=on-failure", "User=duban");
        assertThat(Files.readString(Path.of("docs/operations.md"))).contains("ops/duban.service", "ops/duban.env", "ops/nginx-duban.conf");
    }

    /** ${NAME:default} with the environment's NAME. */
    static String resolve(String value, Map<String, String> env) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):?([^}]*)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group(2))));
        }
        return m.appendTail(out).toString();
    }
}
