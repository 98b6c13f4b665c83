package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.campaign.CampaignTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The dashboard over real HTTP, as the Cockpit plugin reads it: counts, colours, filter, paging and who may look. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class DashboardIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired cn.duban.campaign.CampaignService campaigns;
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, "test").getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    static Map<String, Integer> counts(JsonNode card) {
        Map<String, Integer> m = new HashMap<>();
        card.get("counts").forEach(c -> m.put(c.get("bucket").asText(), c.get("count").asInt()));
        return m;
    }

    void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(CHINA).toInstant()));
    }

    @Test
    void theDashboardFilesEveryUnitOnceColoursTheLateOnesAndPagesThroughThem() throws Exception {
        driver.sectionPeople();
        driver.user("operator1", "operator");
        LocalDate today = LocalDate.now(CHINA);
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [lsjd, nmjd, dlz, yzz, sqz]");
        String id = driver.issue(driver.startCampaign(t.code(), today.plusDays(2).toString()));
        // two days on, or the next working day when that is a day off
        LocalDate due = campaigns.get(id).deadline();
        assertThat(due).isBetween(today.plusDays(2), today.plusDays(3 + 7));
        for (String unit : List.of("lsjd", "nmjd", "dlz", "yzz")) {
            driver.sign(id, unit);
        }
        for (String unit : List.of("lsjd", "nmjd", "dlz")) {
            driver.stage(id, unit, true, true);
            driver.handIn(id, unit, Driver.seed000Figures("3"), List.of());
        }
        driver.review(id, "lsjd", true, null, null);
        driver.review(id, "nmjd", false, "第3项数字有误，请核实后重报", due);

        JsonNode board = get("reviewer1", "/api/dashboard/campaigns/" + id);
        assertThat(counts(board.get("campaign"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NOT_SIGNED", 1, "IN_PROGRESS", 1, "SUBMITTED", 1, "RETURNED", 1, "APPROVED", 1, "OVERDUE", 0));
        assertThat(board.get("campaign").get("units").asInt()).isEqualTo(5);
        // totals so far: the approved report only (3 per row)
        assertThat(board.get("totals")).hasSize(11);
        board.get("totals").forEach(total -> assertThat(total.get("amount").asText()).isIn("3", "3.00"));
        assertThat(board.get("totals").get(6).get("unit").asText()).isEqualTo("万元");
        assertThat(board.get("totals").get(6).get("amount").asText()).as("万元 with two decimals").isEqualTo("3.00");
        Map<String, JsonNode> rows = rows(board);
        assertThat(rows.keySet()).containsExactly("dlz", "lsjd", "nmjd", "sqz", "yzz");
        // yellow when due within 3 days (the deadline may have moved past a weekend)
        String near = due.isAfter(today.plusDays(3)) ? "null" : "NEAR";
        assertThat(rows.get("sqz").get("urgency").asText()).as("unsigned, due %s", due).isEqualTo(near);
        assertThat(rows.get("nmjd").get("urgency").asText()).isEqualTo(near);
        assertThat(rows.get("nmjd").get("returnCount").asInt()).isEqualTo(1);
        assertThat(rows.get("lsjd").get("urgency").isNull()).isTrue();
        assertThat(rows.get("dlz").get("submittedAt").asText()).startsWith(today.toString());
        assertThat(rows.get("dlz").get("processInstanceId").asText()).isNotBlank();
        assertThat(rows.get("dlz").get("daysLate").asInt()).isZero();

        // one day past due: the three units that still owe are 逾期 (orange); the reminder timers have mailed them
        at(due.plusDays(1));
        driver.runJobs();
        board = get("reviewer1", "/api/dashboard/campaigns/" + id);
        assertThat(counts(board.get("campaign"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NOT_SIGNED", 0, "IN_PROGRESS", 0, "SUBMITTED", 1, "RETURNED", 0, "APPROVED", 1, "OVERDUE", 3));
        rows = rows(board);
        for (String late : List.of("nmjd", "sqz", "yzz")) {
            assertThat(rows.get(late).get("bucket").asText()).isEqualTo("OVERDUE");
            assertThat(rows.get(late).get("urgency").asText()).isEqualTo("LATE");
            assertThat(rows.get(late).get("daysLate").asInt()).isEqualTo(1);
            assertThat(rows.get(late).get("reminders").asInt()).as(late + " reminded").isPositive();
        }
        assertThat(rows.get("lsjd").get("reminders").asInt()).isZero();

        // a week past due: very late (red)
        at(due.plusDays(8));
        board = get("operator1", "/api/dashboard/campaigns/" + id + "?bucket=OVERDUE");
        assertThat(rows(board).keySet()).containsExactly("nmjd", "sqz", "yzz");
        rows(board).values().forEach(r -> assertThat(r.get("urgency").asText()).isEqualTo("VERY_LATE"));
        assertThat(board.get("units").get("total").asInt()).isEqualTo(3);

        // every bucket's filtered list agrees with its count (the SQL filter and the Java rule are one rule)
        JsonNode card = board.get("campaign");
        for (JsonNode c : card.get("counts")) {
            JsonNode filtered = get("reviewer1", "/api/dashboard/campaigns/" + id + "?bucket=" + c.get("bucket").asText());
            assertThat(filtered.get("units").get("rows")).as(c.get("bucket").asText()).hasSize(c.get("count").asInt());
            filtered.get("units").get("rows").forEach(r -> assertThat(r.get("bucket").asText()).isEqualTo(c.get("bucket").asText()));
        }

        // pages of two: 5 units in 3 pages, in unit order, none twice
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode p = get("reviewer1", "/api/dashboard/campaigns/" + id + "?size=2&page=" + page);
            p.get("units").get("rows").forEach(r -> paged.add(r.get("unitCode").asText()));
        }
        assertThat(paged).containsExactly("dlz", "lsjd", "nmjd", "sqz", "yzz");

        // the campaign list
        JsonNode list = get("head1", "/api/dashboard/campaigns");
        JsonNode mine = null;
        for (JsonNode c : list) {
            if (c.get("id").asText().equals(id)) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(counts(mine).get("OVERDUE")).isEqualTo(3);
    }

    @Test
    void onlyOperatorsAndTheSectionMayLookAndABadFilterIsExplained() throws Exception {
        driver.sectionPeople();
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [lsjd]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now(CHINA).plusDays(5).toString()));
        for (String path : List.of("/api/dashboard/campaigns", "/api/dashboard/campaigns/" + id)) {
            ResponseEntity<String> r = http.withBasicAuth("lsjd-reporter", "test").getForEntity(path, String.class);
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getBody()).containsPattern("仅(局机关人员和运维人员|本通知的主办科室、局领导和运维人员)可以查看");
            assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> bad = http.withBasicAuth("reviewer1", "test")
                .getForEntity("/api/dashboard/campaigns/" + id + "?bucket=LATE", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("未知的状态筛选");
        ResponseEntity<String> none = http.withBasicAuth("reviewer1", "test").getForEntity("/api/dashboard/campaigns/nope", String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody()).contains("不存在");
    }

    @Test
    void cockpitLoadsTheDashboardPluginInChinese() {
        String config = http.getForObject("/camunda/app/cockpit/scripts/config.js", String.class);
        assertThat(config).contains("customScripts: ['duban/dashboard', 'duban/alerts']").contains("fallbackLocale: 'zh'");
        ResponseEntity<String> plugin = http.getForEntity("/camunda/app/cockpit/duban/dashboard.js", String.class);
        assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plugin.getBody()).contains("pluginPoint: 'cockpit.route'").contains("督办看板");
    }

    static Map<String, JsonNode> rows(JsonNode board) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        board.get("units").get("rows").forEach(r -> m.put(r.get("unitCode").asText(), r));
        return m;
    }
}
