package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What production needs before anything connects, each problem in Chinese and English; without Spring. */
class ProductionSettingsTest {

    static Map<String, String> complete() {
        Map<String, String> s = new HashMap<>();
        s.put("spring.datasource.password", "db-secret");
        s.put("camunda.bpm.admin-user.password", "Yiyuan-2024-zhjdk!");
        s.put("duban.demo.enabled", "false");
        s.put("duban.mail.from", "duban@yiyuan.gov.cn");
        s.put("duban.mail.tasklist-url", "https://duban.yiyuan.gov.cn/camunda/app/tasklist/default/");
        s.put("spring.mail.host", "smtp.yiyuan.gov.cn");
        s.put("spring.mail.port", "25");
        return s;
    }

    @Test
    void aCompleteSetUpPasses() {
        assertThat(ProductionSettings.problems(complete()::get)).isEmpty();
        // a relay on the same machine is a relay
        Map<String, String> s = complete();
        s.put("spring.mail.host", "localhost");
        assertThat(ProductionSettings.problems(s::get)).isEmpty();
    }

    @Test
    void everythingMissingIsListedAtOnceInChineseAndEnglish() {
        Map<String, String> s = new HashMap<>();
        s.put("spring.mail.host", "localhost");
        s.put("spring.mail.port", "2525");
        s.put("duban.mail.from", "duban@localhost");
        s.put("duban.mail.tasklist-url", "http://localhost:8080/camunda/app/tasklist/default/");
        s.put("duban.demo.enabled", "true");
        var problems = ProductionSettings.problems(s::get);
        assertThat(problems).extracting(ProductionNotReady.Problem::zh).hasSize(6).allMatch(zh -> zh.matches(".*[\\u4e00-\\u9fff].*"));
        assertThat(String.join("\n", problems.stream().map(ProductionNotReady.Problem::en).toList()))
                .contains("DUBAN_DB_PASSWORD", "DUBAN_ADMIN_PASSWORD", "duban.demo.enabled", "DUBAN_MAIL_FROM", "DUBAN_TASKLIST_URL",
                        "SPRING_MAIL_HOST");
    }
}
