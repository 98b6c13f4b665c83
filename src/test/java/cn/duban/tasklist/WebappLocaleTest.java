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

/**
 * duban's Chinese webapps: Tasklist, Cockpit and Admin translated key for key against the bundled English
 * files of 7.24, no label left in English; all three default to Chinese with China's date format.
 */
class WebappLocaleTest {

    static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
    static final String APP = WEBAPPS + "tasklist/";
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** What the section head and the operators see in Cockpit: navigation, start page, process and instance views. */
    static final List<String> COCKPIT_SCREENS = List.of(
            "COCKPIT_PROCESSES", "COCKPIT_DECISIONS", "COCKPIT_HUMAN_TASKS", "COCKPIT_MORE", "COCKPIT_DEPLOYMENTS",
            "COCKPIT_BATCHES", "BANNER_CE_EOL_TEXT", "CAM_WIDGET_FOOTER_TIMEZONE", "CAM_WIDGET_FOOTER_POWERED_BY",
            "DASHBOARD_RUNNING_PROCESS_INSTANCE", "DASHBOARD_OPEN_INCIDENTS", "DASHBOARD_OPEN_HUMAN_TASKS",
            "DASHBOARD_PROCESS_DEFINITIONS", "DASHBOARD_METRICS", "PLUGIN_PROCESS_DEF_NAME", "PLUGIN_PROCESS_DEF_RUNNING_INSTANCES",
            "PLUGIN_PROCESS_DEF_INCIDENTS", "PLUGIN_PROCESS_INSTANCES_LABEL", "PLUGIN_PROCESS_INSTANCE_BUSINESS_KEY",
            "PLUGIN_PROCESS_INSTANCE_START_TIME", "PLUGIN_VARIABLE_INSTANCES_LABEL", "PLUGIN_VARIABLE_NAME", "PLUGIN_VARIABLE_VALUE",
            "PLUGIN_INCIDENTS_LABEL", "PLUGIN_USER_TASKS_LABEL", "PLUGIN_USER_TASKS_ASSIGNEE", "PLUGIN_CALLED_PROCESS_INSTANCE_LABEL",
            "PROCESS_INSTANCE_INFORMATION", "PROCESS_INSTANCE_INSTANCE_ID", "PROCESS_DEFINITION_DEFINITION_NAME");

    /** What the operators see in Admin: users, groups and authorizations. */
    static final List<String> ADMIN_SCREENS = List.of(
            "USERS_USERS", "USERS_LIST_OF_USERS", "USERS_CREATE_NEW_USER", "USERS_PROFILE", "USERS_ACCOUNT", "USERS_GROUPS",
            "USERS_CHANGE_PASSWORD", "USERS_ADD_TO_A_GROUP", "GROUPS_GROUPS", "GROUPS_LIST_OF_GROUPS", "GROUPS_CREATE_NEW",
            "GROUP_EDIT_GROUP_USERS", "AUTHORIZATION_AUTHORIZATIONS", "AUTHORIZATION_PERMISSIONS", "AUTHORIZATION_RESOURCE_ID",
            "AUTHORIZATION_CREATE_NEW_AUTHORIZATION", "SYSTEM_SYSTEM", "DASHBOARD_DASHBOARD", "BANNER_CE_EOL_TEXT");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}");

    /** Three or more Latin letters in a row: a word someone would have to read in English. */
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

    /**
     * What may stay as it is in a label with no Chinese: names and technical tokens that have no Chinese form
     * (the date pattern is what the person types into the field).
     */
    static final List<String> UNTRANSLATED_TOKENS = List.of(
            "YYYY-MM-DDTHH:mm:ss", "Camunda", "BPMN", "DMN", "CMMN", "JSON", "XML", "CSV", "URL", "REST", "SQL", "Java", "cron");

    @Test
    void noTasklistCockpitOrAdminLabelIsStillEnglish() throws IOException {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            JsonNode zh = read(WEBAPPS + app + "/locales/zh.json").get("labels");
            List<String> english = new ArrayList<>();
            zh.fieldNames().forEachRemaining(key -> {
                if (isEnglish(zh.get(key).asText())) {
                    english.add(key + ": " + zh.get(key).asText());
                }
            });
            assertThat(english).as(app + " labels still in English").isEmpty();
        }
    }

    @Test
    void aLabelIsEnglishUnlessItHasChineseOrOnlyPlaceholdersAndTechnicalTokens() {
        assertThat(isEnglish("Delete Process Instance")).isTrue();
        assertThat(isEnglish("Jobs")).isTrue();
        assertThat(isEnglish("{{count}} jobs")).isTrue();
        assertThat(isEnglish("删除流程实例")).isFalse();
        assertThat(isEnglish("编辑 DMN")).isFalse();
        assertThat(isEnglish("ID")).isFalse();
        assertThat(isEnglish("JSON")).isFalse();
        assertThat(isEnglish("{{ name }}")).isFalse();
        assertThat(isEnglish("YYYY-MM-DDTHH:mm:ss")).isFalse();
        assertThat(isEnglish(">=")).isFalse();
        assertThat(isEnglish("")).isFalse();
    }

    static boolean isEnglish(String label) {
        if (CJK.matcher(label).find()) {
            return false;
        }
        String rest = PLACEHOLDER.matcher(label).replaceAll(" ");
        for (String token : UNTRANSLATED_TOKENS) {
            rest = rest.replaceAll("(?<![A-Za-z])" + Pattern.quote(token) + "(?![A-Za-z])", " ");
        }
        return LATIN_WORD.matcher(rest).find();
    }

    @Test
    void everyEnglishTasklistKeyHasAChineseTextWithTheSamePlaceholders() throws IOException {
        JsonNode en = read(APP + "locales/en.json").get("labels");
        JsonNode zh = read(APP + "locales/zh.json").get("labels");
        assertThat(en.size()).isGreaterThan(400);
        assertSameKeysAndPlaceholders("tasklist", en, zh);
        assertThat(zh.get("COMPLETE").asText()).isEqualTo("办结");
        assertThat(read(APP + "locales/zh.json").get("dateLocales").get("longDateFormat").get("L").asText()).isEqualTo("YYYY-MM-DD");
    }

    @Test
    void tasklistCockpitAndAdminDefaultToChinese() throws IOException {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            String config = new ClassPathResource(WEBAPPS + app + "/scripts/config.js").getContentAsString(StandardCharsets.UTF_8);
            assertThat(config).as(app).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
        }
    }

    @Test
    void cockpitAndAdminCarryEveryEnglishKeyAndTheirScreensInChinese() throws IOException {
        for (String app : List.of("cockpit", "admin")) {
            JsonNode en = read(WEBAPPS + app + "/locales/en.json").get("labels");
            JsonNode zhFile = read(WEBAPPS + app + "/locales/zh.json");
            JsonNode zh = zhFile.get("labels");
            assertSameKeysAndPlaceholders(app, en, zh);
            List<String> screens = app.equals("cockpit") ? COCKPIT_SCREENS : ADMIN_SCREENS;
            List<String> english = screens.stream().filter(k -> !zh.has(k) || !CJK.matcher(zh.get(k).asText()).find()).toList();
            assertThat(english).as(app + " screen texts still in English").isEmpty();
            assertThat(zhFile.get("dateLocales").get("longDateFormat").get("L").asText()).isEqualTo("YYYY-MM-DD");
            long translated = new ArrayList<String>() {{ zh.fieldNames().forEachRemaining(this::add); }}.stream()
                    .filter(k -> CJK.matcher(zh.get(k).asText()).find()).count();
            assertThat(translated).as(app + " translated keys").isGreaterThan(300);
        }
    }

    /** Every English key has a text (a missing one shows as the key itself), with the same {{placeholders}}. */
    static void assertSameKeysAndPlaceholders(String app, JsonNode en, JsonNode zh) {
        List<String> missing = new ArrayList<>();
        List<String> badPlaceholders = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            if (!zh.has(key)) {
                missing.add(key);
            } else if (!placeholders(en.get(key).asText()).equals(placeholders(zh.get(key).asText()))) {
                badPlaceholders.add(key);
            }
        });
        assertThat(missing).as(app + ": keys of 7.24 with no Chinese text").isEmpty();
        assertThat(badPlaceholders).as(app + ": keys whose {{placeholders}} differ").isEmpty();
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
