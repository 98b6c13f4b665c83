package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar duban.jar --spring.profiles.active=postgres} on a machine where nothing is set yet, as a county's IT
 * first tries it: duban refuses to start, before it tries the database, and says everything that is missing in Chinese
 * and English, without a stack trace. (Its own JVM, as in production.)
 */
class ProductionStartIT {

    @Test
    void withNothingSetTheProductionProfileSaysWhatIsMissingAndStops() throws Exception {
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                "cn.duban.DubanApplication", "--spring.profiles.active=postgres", "--server.port=0")
                .redirectErrorStream(true);
        b.environment().keySet().removeIf(k -> k.startsWith("DUBAN_") || k.startsWith("SPRING_"));
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String said = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(said).isNotZero();
        assertThat(said).contains("APPLICATION FAILED TO START", "督办拒绝以生产方式启动", "duban will not start in production",
                "未设置数据库密码", "DUBAN_DB_PASSWORD", "未设置系统管理员密码", "DUBAN_ADMIN_PASSWORD", "未设置邮件发件地址", "DUBAN_MAIL_FROM",
                "DUBAN_TASKLIST_URL", "未设置邮件中继", "SPRING_MAIL_HOST", "docs/operations.md");
        for (String notTried : List.of("HikariPool", "Connection refused", "PSQLException", "\tat org.springframework")) {
            assertThat(said).as("nothing was tried before the settings were checked").doesNotContain(notTried);
        }
    }
}
