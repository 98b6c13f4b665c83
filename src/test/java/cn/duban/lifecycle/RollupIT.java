package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.TemplateCatalog;
import cn.duban.identity.Roles;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import cn.duban.summary.SummaryService;
import cn.duban.unit.UnitAdmin;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * A two-level roll-up through the task API and over HTTP: two township centres under the CDC report to it by an
 * earlier date; the CDC reviews them (approves one, returns the other with a reason), sees its members' roll-up and
 * hands in its own part; the bureau reviews the CDC and a unit outside the roll-up. Each member sees only its own
 * work, the CDC only its members, the section both levels; the county totals count every approved report once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class RollupIT {

    static final String PW = "Rollup-2026";

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired TemplateCatalog catalog;
    @Autowired UnitAdmin unitAdmin;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired WorkCalendar calendar;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired cn.duban.reminder.ReminderService reminders;
    @Autowired cn.duban.mail.Outbox outbox;
    @Autowired cn.duban.export.ExportService exports;
    @Autowired cn.duban.document.Circulars circulars;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String m1;
    String m2;

    @BeforeEach
    void units() {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        long n = System.nanoTime() % 100_000;
        m1 = "rua" + n;
        m2 = "rub" + n;
        for (String code : List.of(m1, m2)) {
            unitAdmin.create(new UnitAdmin.UnitForm(code, "乡镇卫生院" + code, "township", code + "@township.local", null, null, "填报员", code + "-reporter", "jkzx"), "ops1");
            password(code + "-reporter");
        }
        password("jkzx-reporter");
    }

    @AfterEach
    void deactivate() {
        unitAdmin.setActive(m1, false, "test");
        unitAdmin.setActive(m2, false, "test");
    }

    @Test
    void membersReportToTheirIntermediateWhichReportsToTheBureau() throws Exception {
        String yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: rollup-" + System.nanoTime())
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  units: [jkzx, rmyy, " + m1 + ", " + m2 + "]\n")
                + "\nrollup: {membersDueWorkingDaysBefore: 2}\n";
        String code = driver.as("drafter1", () -> catalog.upload(yaml, "drafter1")).code();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(12));
        String id = driver.issue(driver.startCampaign(code, deadline.toString()));

        // members are due earlier; the intermediate and the unit outside the roll-up on the deadline
        LocalDate memberDue = calendar.workingDaysBefore(deadline, 2);
        assertThat(reports.unit(id, m1).dueDate()).isEqualTo(memberDue);
        assertThat(reports.unit(id, "jkzx").dueDate()).isEqualTo(deadline);
        assertThat(reports.unit(id, "rmyy").dueDate()).isEqualTo(deadline);

        for (String unit : List.of(m1, m2)) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, true);
        }
        // the morning after the members' due date, with both still owing: the CDC gets its digest of them, once a day
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(memberDue.plusDays(1).atTime(9, 0)
                    .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
            reminders.dailyTick(id);
            reminders.dailyTick(id);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        var digests = outbox.list(id, "jkzx").stream().filter(m -> m.kind().equals("MEMBER_DIGEST")).toList();
        assertThat(digests).isNotEmpty().allSatisfy(m -> assertThat(m.subject()).startsWith("【督办】下级单位逾期未报"));
        assertThat(digests).extracting(m -> m.recipient()).doesNotHaveDuplicates();
        assertThat(outbox.list(id, "rmyy")).noneMatch(m -> m.kind().equals("MEMBER_DIGEST"));
        driver.handIn(id, m1, Driver.seed000Figures("2"), List.of());
        driver.handIn(id, m2, Driver.seed000Figures("3"), List.of());

        // the members' reviews go to the CDC's people, not to the section's reviewers
        var review1 = driver.unitTask(id, m1, UnitReportProcess.REVIEW_REPORT);
        assertThat(taskService.getIdentityLinksForTask(review1.getId())).extracting(l -> l.getGroupId()).containsExactly(Roles.unitGroup("jkzx"));

        // who may read a member's report: its own people, the CDC, the section; not the other member, not another unit
        assertThat(get(m2 + "-reporter", id, m1)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("rmyy-reporter", id, m1)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("jkzx-reporter", id, m1)).isEqualTo(HttpStatus.OK);
        assertThat(get("reviewer1", id, m1)).isEqualTo(HttpStatus.OK);
        assertThat(get(m1 + "-reporter", id, "jkzx")).as("a member does not read its intermediate's report").isEqualTo(HttpStatus.FORBIDDEN);
        var check = http.withBasicAuth("jkzx-reporter", PW).postForEntity("/api/campaigns/" + id + "/units/" + m2 + "/decision/check",
                Map.of("review", true, "approved", false, "comment", ""), Map.class);
        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(check.getBody().get("ready")).isEqualTo(false);

        // the CDC approves one member and returns the other with a reason and a new date
        driver.submit("jkzx-reporter", review1, Map.of(UnitReportProcess.REPORT_APPROVED.name(), true,
                UnitReportProcess.COMMENT.name(), Driver.transientString(""), UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString("")));
        driver.submit("jkzx-reporter", driver.unitTask(id, m2, UnitReportProcess.REVIEW_REPORT), Map.of(
                UnitReportProcess.REPORT_APPROVED.name(), false, UnitReportProcess.COMMENT.name(), Driver.transientString("请附活动台账"),
                UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString(memberDue.toString())));
        assertThat(reports.unit(id, m1).status()).isEqualTo(UnitStatus.APPROVED);
        assertThat(reports.unit(id, m2).status()).isEqualTo(UnitStatus.RETURNED);
        // the returned member is told who returned it: the CDC, not the bureau's section
        assertThat(jdbc.sql("SELECT text_body FROM duban_outbox WHERE campaign_id = ? AND unit_code = ? AND kind = 'REPORT_RETURNED'")
                .params(id, m2).query(String.class).list()).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains("材料被沂源县疾病预防控制中心退回修改").contains("请附活动台账"));
        // a 督办通报 counts the notice's addressees (the CDC and the hospital); the members, who report to the CDC, apart
        assertThat(circulars.circular(id).plainText())
                .contains("应报 2 家，已报 0 家，已审核通过 0 家，逾期未报 0 家，尚未签收通知 2 家。")
                .contains("另有下级单位 2 家经汇总单位审核后报送，已报 1 家。");

        // the CDC sees its members' roll-up on its own form
        var view = http.withBasicAuth("jkzx-reporter", PW).getForEntity("/api/campaigns/" + id + "/units/jkzx", Map.class).getBody();
        Map<?, ?> members = (Map<?, ?>) view.get("members");
        assertThat((List<?>) members.get("lines")).hasSize(2);
        assertThat(members.get("approved")).isEqualTo(1);
        assertThat(((Number) ((Map<?, ?>) members.get("approvedTotals")).get("1")).intValue()).isEqualTo(2);
        assertThat(http.withBasicAuth(m1 + "-reporter", PW).getForEntity("/api/campaigns/" + id + "/units/" + m1, Map.class)
                .getBody().get("reportsTo")).isEqualTo("沂源县疾病预防控制中心");

        // m2 hands in again and is approved; the CDC and the other unit report to the bureau, whose reviewer approves them
        driver.handIn(id, m2, Driver.seed000Figures("3"), reports.versions(id, m2).get(0).attachments().stream().map(a -> a.id()).toList());
        driver.submit("jkzx-reporter", driver.unitTask(id, m2, UnitReportProcess.REVIEW_REPORT), Map.of(UnitReportProcess.REPORT_APPROVED.name(), true,
                UnitReportProcess.COMMENT.name(), Driver.transientString(""), UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString("")));
        for (String unit : List.of("jkzx", "rmyy")) {
            driver.sign(id, unit);
            driver.stage(id, unit, true, true);
            driver.handIn(id, unit, Driver.seed000Figures("1"), List.of());
            assertThat(taskService.getIdentityLinksForTask(driver.unitTask(id, unit, UnitReportProcess.REVIEW_REPORT).getId()))
                    .extracting(l -> l.getGroupId()).containsExactly(Roles.REVIEWER);
            driver.review(id, unit, true, null, null);
        }
        // the bureau sees both levels: each member on the 督办看板 says whom it reports to
        var board = http.withBasicAuth("reviewer1", "test").getForEntity("/api/dashboard/campaigns/" + id, Map.class).getBody();
        List<Map<?, ?>> rows = (List<Map<?, ?>>) ((Map<?, ?>) board.get("units")).get("rows");
        assertThat(rows).filteredOn(r -> m1.equals(r.get("unitCode"))).singleElement()
                .satisfies(r -> assertThat(r.get("reportsTo")).isEqualTo("沂源县疾病预防控制中心"));
        assertThat(rows).filteredOn(r -> "rmyy".equals(r.get("unitCode"))).singleElement()
                .satisfies(r -> assertThat(r.get("reportsTo")).isNull());
        // the county total counts every approved report once: 2 + 3 (members) + 1 (CDC's own part) + 1 (hospital)
        assertThat(summaries.summarize(id).totals().get(0).amount()).isEqualByComparingTo(new BigDecimal("7"));
    }

    /**
     * Issue #27 item 5: a campaign keeps the hierarchy it was issued with. A member moved under another parent in the
     * registry while the roll-up runs still reports to the intermediate it had; its new parent reads none of its reports.
     */
    @Test
    void aCampaignKeepsTheHierarchyItWasIssuedWith() throws Exception {
        String yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: rollup-" + System.nanoTime())
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  units: [jkzx, rmyy, " + m1 + ", " + m2 + "]\n")
                + "\nrollup: {membersDueWorkingDaysBefore: 2}\n";
        String code = driver.as("drafter1", () -> catalog.upload(yaml, "drafter1")).code();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(12));
        String id = driver.issue(driver.startCampaign(code, deadline.toString()));
        driver.sign(id, m1);
        driver.stage(id, m1, true, true);
        driver.handIn(id, m1, Driver.seed000Figures("2"), List.of());

        // the registry moves m1 under the county hospital
        var u = unitAdmin.all().stream().filter(x -> x.code().equals(m1)).findFirst().orElseThrow();
        unitAdmin.update(m1, new UnitAdmin.UnitForm(m1, u.name(), u.type(), null, null, null, "填报员", m1 + "-reporter", "rmyy"), "ops1");

        assertThat(get("rmyy-reporter", id, m1)).as("the new parent reads nothing of the running campaign").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("jkzx-reporter", id, m1)).isEqualTo(HttpStatus.OK);
        assertThat(taskService.getIdentityLinksForTask(driver.unitTask(id, m1, UnitReportProcess.REVIEW_REPORT).getId()))
                .extracting(l -> l.getGroupId()).containsExactly(Roles.unitGroup("jkzx"));
        var view = http.withBasicAuth("jkzx-reporter", PW).getForEntity("/api/campaigns/" + id + "/units/jkzx", Map.class).getBody();
        assertThat((List<?>) ((Map<?, ?>) view.get("members")).get("lines")).hasSize(2);
        var hospital = http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/campaigns/" + id + "/units/rmyy", Map.class).getBody();
        assertThat(hospital.get("members")).satisfiesAnyOf(m -> assertThat(m).isNull(),
                m -> assertThat((List<?>) ((Map<?, ?>) m).get("lines")).isEmpty());
    }

    /**
     * Issue #28 §4: two tiers as they really run. The notice routes the two township centres through the county
     * hospital for itself (the registry still has them under the CDC), its members are due on a day of their own (a
     * Saturday if the notice says so), their reviews go to the hospital, and the upward package nests them in the
     * hospital's folder.
     */
    @Test
    void aNoticeRoutesUnitsThroughAnIntermediateOfItsOwnWithAMembersDayOfTheirOwn() throws Exception {
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
        LocalDate membersDay = deadline.minusDays(5);
        String yaml = new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: tiers-" + System.nanoTime())
                .replaceFirst("(?m)^  date: 2024-03-22$", "  date: " + deadline)
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  units: [rmyy, " + m1 + ", " + m2 + "]\n")
                + "\nrollup: {membersDue: " + membersDay + ", members: {rmyy: [" + m1 + ", " + m2 + "]}}\n";
        String code = driver.as("drafter1", () -> catalog.upload(yaml, "drafter1")).code();
        String id = driver.issue(driver.startCampaign(code, deadline.toString()));
        assertThat(reports.unit(id, m1).dueDate()).isEqualTo(membersDay);
        assertThat(reports.unit(id, "rmyy").dueDate()).isEqualTo(deadline);
        driver.sign(id, m1);
        driver.stage(id, m1, true, true);
        driver.handIn(id, m1, Driver.seed000Figures("2"), List.of());
        var review = driver.unitTask(id, m1, UnitReportProcess.REVIEW_REPORT);
        assertThat(taskService.getIdentityLinksForTask(review.getId())).filteredOn(l -> "candidate".equals(l.getType()))
                .extracting(l -> l.getGroupId()).containsExactly(Roles.unitGroup("rmyy"));
        assertThat(get("jkzx-reporter", id, m1)).as("the registry's parent is not this notice's").isEqualTo(HttpStatus.FORBIDDEN);
        driver.submit("rmyy-reporter", review, Map.of(UnitReportProcess.REPORT_APPROVED.name(), true,
                UnitReportProcess.COMMENT.name(), Driver.transientString(""), UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString("")));
        var zip = new java.io.ByteArrayOutputStream();
        exports.upwardPackage(id, zip);
        List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("沂源县人民医院/乡镇卫生院" + m1 + "/统计表.xlsx");
    }

    private HttpStatus get(String user, String campaignId, String unit) {
        return HttpStatus.valueOf(http.withBasicAuth(user, List.of("reviewer1", "rmyy-reporter").contains(user) ? "test" : PW)
                .getForEntity("/api/campaigns/" + campaignId + "/units/" + unit, String.class).getStatusCode().value());
    }

    private void password(String userId) {
        var u = identityService.createUserQuery().userId(userId).singleResult();
        u.setPassword(PW);
        identityService.saveUser(u);
    }
}
