package cn.duban.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** duban's Chinese Tasklist covers every key of the bundled English file, placeholders kept. */
class TasklistLocaleTest {

    static final String APP = "META-INF/resources/webjars/camunda/app/tasklist/";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}");

    @Test
    void everyEnglishTasklistKeyHasAChineseTextWithTheSamePlaceholders() throws IOException {
        JsonNode en = read(APP + "locales/en.json").get("labels");
        JsonNode zh = read(APP + "locales/zh.json").get("labels");
        List<String> missing = new ArrayList<>();
        List<String> badPlaceholders = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            if (!zh.has(key)) {
                missing.add(key);
            } else if (!placeholders(en.get(key).asText()).equals(placeholders(zh.get(key).asText()))) {
                badPlaceholders.add(key);
            }
        });
        assertThat(en.size()).isGreaterThan(400);
        assertThat(missing).as("keys of Tasklist 7.24 with no Chinese text").isEmpty();
        assertThat(badPlaceholders).as("keys whose {{placeholders}} differ").isEmpty();
        assertThat(zh.get("COMPLETE").asText()).isEqualTo("办结");
        assertThat(read(APP + "locales/zh.json").get("dateLocales").get("longDateFormat").get("L").asText()).isEqualTo("YYYY-MM-DD");
    }

    @Test
    void tasklistDefaultsToChinese() throws IOException {
        String config = new ClassPathResource(APP + "scripts/config.js").getContentAsString(StandardCharsets.UTF_8);
        assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
    }

    static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group().replace(" ", ""));
        }
        return out;
    }

    static JsonNode read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }
}
