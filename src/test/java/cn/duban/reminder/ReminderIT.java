package cn.duban.reminder;

import static cn.duban.Driver.transientString;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.mail.Outbox;
import cn.duban.mail.OutboxMail;
import cn.duban.mail.OutboxSender;
import cn.duban.report.AttachmentService;
import cn.duban.report.ReportPayload;
import cn.duban.process.UnitReportProcess;
import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders, overdue mail, digests and urging, with the engine clock moved day by day and the timers
 * firing as they would; the mails are finally sent to a real SMTP server (GreenMail) and counted there.
 */
@EngineTest
class ReminderIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired Driver driver;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired WorkCalendar calendar;
    @Autowired IdentityService identityService;
    @Autowired AttachmentService attachments;
    @Autowired UrgeService urges;
    @Autowired ReminderService reminderService;
    @Autowired cn.duban.report.ReportService reports;
    @Autowired cn.duban.campaign.CampaignService campaignService;
    @Autowired cn.duban.unit.Units unitRepository;
    @Autowired cn.duban.mail.TasklistLinks links;
    @Autowired cn.duban.identity.People people;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired java.time.Clock clock;
    @Autowired org.springframework.mail.javamail.JavaMailSender mailSender;

    LocalDate today = LocalDate.now(CHINA);

    @BeforeEach
    void people() {
        driver.sectionPeople();
        email("drafter1", "drafter1@section.local");
        email("reviewer1", "reviewer1@section.local");
        email("rmyy-head", "rmyy-head@demo.duban.local");
        email("zyy-head", "zyy-head@demo.duban.local");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aUnitThatNeverSubmitsGetsTheConfiguredRemindersTheOverdueMailAndDigestsAndOneThatSubmittedGetsNothing() throws Exception {
        LocalDate due = calendar.onOrAfter(today.plusDays(10));
        String id = campaign("rmyy, zyy", due);
        sign(id, "rmyy");
        sign(id, "zyy");
        handIn(id, "zyy");
        for (LocalDate d = today.plusDays(1); !d.isAfter(due.plusDays(3)); d = d.plusDays(1)) {
            at(d, 9, 30);
            driver.runJobs();
        }
        List<OutboxMail> mails = outbox.list(id);
        // in the data rmyy is overdue (逾期), zyy is not
        assertThat(reports.isOverdue(reports.unit(id, "rmyy"))).isTrue();
        assertThat(reports.isOverdue(reports.unit(id, "zyy"))).isFalse();
        // rmyy: 3 and 1 working days before (the last one to the head too), then overdue to reporter and head
        assertThat(kinds(mails, "rmyy")).containsExactlyInAnyOrder(
                "REMINDER rmyy@demo.duban.local", "LAST_REMINDER rmyy@demo.duban.local", "LAST_REMINDER rmyy-head@demo.duban.local",
                "OVERDUE rmyy@demo.duban.local", "OVERDUE rmyy-head@demo.duban.local");
        // the last reminder and the overdue mail are keyed to the due date, a reminder to its own day
        assertThat(mails).filteredOn(m -> m.unitCode().equals("rmyy") && !m.kind().startsWith("NOTICE"))
                .allSatisfy(m -> assertThat(m.dueDate()).isEqualTo(m.kind().equals("REMINDER") ? calendar.workingDaysBefore(due, 3) : due));
        assertThat(mails).filteredOn(m -> m.kind().equals("REMINDER")).singleElement()
                .satisfies(m -> assertThat(m.nextAttemptAt().toLocalDate()).isEqualTo(calendar.workingDaysBefore(due, 3)));
        // zyy submitted early: nothing after its notice
        assertThat(kinds(mails, "zyy")).isEmpty();
        // the section: one digest a day from the morning after the deadline while rmyy is missing
        assertThat(mails).filteredOn(m -> m.kind().equals("DIGEST")).extracting(m -> m.dueDate() + " " + m.recipient())
                .containsExactlyInAnyOrder(
                        due.plusDays(1) + " drafter1@section.local", due.plusDays(1) + " reviewer1@section.local",
                        due.plusDays(2) + " drafter1@section.local", due.plusDays(2) + " reviewer1@section.local",
                        due.plusDays(3) + " drafter1@section.local", due.plusDays(3) + " reviewer1@section.local");
        String fillTaskId = driver.unitTask(id, "rmyy", UnitReportProcess.FILL_REPORT).getId();
        // rmyy hands in late: the digests stop
        handIn(id, "rmyy");
        at(due.plusDays(4), 9, 30);
        driver.runJobs();
        assertThat(outbox.list(id)).filteredOn(m -> m.kind().equals("DIGEST")).hasSize(6);

        // every queued mail reaches a real SMTP server exactly once
        GreenMail smtp = cn.duban.TestSmtp.start(mailSender);
        try {
            // (the outbox is shared with the other tests of this context: count all that waits and is due by now;
            // another test's campaign may have mails queued for a later day, a periodic return's next months say)
            java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
            int queued = (int) outbox.recent(100_000).stream()
                    .filter(m -> m.status().equals(Outbox.PENDING) && !m.nextAttemptAt().isAfter(now)).count();
            assertThat(sender.sendDue()).isEqualTo(queued);
            assertThat(sender.sendDue()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(queued);
            assertThat(outbox.list(id)).allSatisfy(m -> assertThat(m.status()).isEqualTo(Outbox.SENT));
            assertThat(smtp.getReceivedMessages()).anySatisfy(m -> assertThat(m.getSubject()).startsWith("【督办】已逾期："));
            // the reminder links straight to the unit's open task in Tasklist
            assertThat(smtp.getReceivedMessages()).anySatisfy(m -> assertThat(Driver.mailText(m))
                    .contains("/camunda/app/tasklist/default/#/?task=" + fillTaskId));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aReturnedReportIsRemindedAgainstItsNewDueDate() {
        LocalDate due = calendar.onOrAfter(today.plusDays(3));
        String id = campaign("lcz", due);
        sign(id, "lcz");
        handIn(id, "lcz");
        LocalDate newDue = calendar.onOrAfter(due.plusDays(7));
        driver.review(id, "lcz", false, "统计表第5项与总结不一致", newDue);
        for (LocalDate d = today.plusDays(1); !d.isAfter(newDue.plusDays(1)); d = d.plusDays(1)) {
            at(d, 9, 30);
            driver.runJobs();
        }
        List<OutboxMail> mails = outbox.list(id);
        // nothing against the first due date (the report was in); each reminder once against the new one
        assertThat(mails).filteredOn(m -> m.unitCode().equals("lcz") && !m.kind().startsWith("NOTICE") && !m.kind().equals("REPORT_RETURNED"))
                .allSatisfy(m -> assertThat(m.dueDate()).isEqualTo(m.kind().equals("REMINDER") ? calendar.workingDaysBefore(newDue, 3) : newDue))
                .extracting(OutboxMail::kind).containsOnlyOnce("REMINDER").contains("LAST_REMINDER", "OVERDUE");
    }

    @Test
    void aMorningWithoutACheckIsCaughtUpTheNextMorningWithTheStepThenDue() {
        LocalDate due = calendar.onOrAfter(today.plusDays(10));
        String id = campaign("jkzx", due);
        // no node ran on the morning of the first reminder: the next check queues it, once
        for (LocalDate d : List.of(calendar.workingDaysBefore(due, 2), calendar.workingDaysBefore(due, 2))) {
            at(d, 9, 30);
            driver.runJobs();
        }
        assertThat(kinds(outbox.list(id), "jkzx")).containsExactly("REMINDER jkzx@demo.duban.local");
        at(due.plusDays(2), 9, 30);
        driver.runJobs();
        // the last reminder's day was missed too, and the due date has passed: the overdue mail, not the last reminder
        assertThat(kinds(outbox.list(id), "jkzx")).containsExactlyInAnyOrder("REMINDER jkzx@demo.duban.local",
                "OVERDUE jkzx@demo.duban.local");
    }

    @Test
    void theDailyCheckRunsFromTheNextReminderHourOnAsLongAsTheCampaignCollects() {
        LocalDate due = calendar.onOrAfter(today.plusDays(10));
        String id = campaign("xlz", due);
        at(today, 8, 0);
        assertThat(reminderService.dailyCycle(id)).isEqualTo("R/" + today + "T09:00:00+08:00/P1D");
        at(today, 9, 30);
        assertThat(reminderService.dailyCycle(id)).isEqualTo("R/" + today.plusDays(1) + "T09:00:00+08:00/P1D");
    }

    @Test
    void aReviewerUrgesLateUnitsButNotTwiceWithinTheInterval() {
        LocalDate due = calendar.onOrAfter(today.plusDays(2));
        String id = campaign("xlz, nlsz", due);
        sign(id, "nlsz");
        handIn(id, "nlsz");
        at(due.plusDays(1), 10, 0);
        var first = urges.urge(id, List.of(), "请今天下班前报送", "reviewer1");
        assertThat(first.urged()).containsExactly("xlz");
        var again = urges.urge(id, List.of("xlz", "nlsz"), null, "reviewer1");
        assertThat(again.urged()).isEmpty();
        assertThat(again.skipped()).containsKeys("xlz", "nlsz");
        assertThat(again.skipped().get("xlz")).contains("上次催办于 ").contains("后可再次催办");
        assertThat(again.message()).startsWith("未催办任何单位").contains("后可再次催办").doesNotContain("xlz：").contains(again.unitNames().get("xlz") + "：");
        at(due.plusDays(2), 10, 30);
        assertThat(urges.urge(id, List.of("xlz"), null, "reviewer1").urged()).containsExactly("xlz");
        assertThat(outbox.list(id)).filteredOn(m -> m.kind().equals("URGE")).extracting(OutboxMail::dueDate)
                .contains(due.plusDays(1), due.plusDays(2));
    }

    /**
     * The urge as the unit reads it (issue 30 §9): it says who urged, by name, and links to the unit's own open task —
     * though the reviewer who urges (the request's person) cannot see the unit's tasks.
     */
    @Test
    void anUrgeSaysWhoUrgedAndLinksToTheUnitsOwnTask() {
        LocalDate due = calendar.onOrAfter(today.plusDays(2));
        String id = campaign("xlz", due);
        at(due.plusDays(1), 10, 0);
        String task = taskService.createTaskQuery().processInstanceBusinessKey(id + ":xlz").singleResult().getId();
        identityService.setAuthentication("reviewer1", List.of("reviewer"));
        try {
            assertThat(urges.urge(id, List.of("xlz"), "请今日报送", "reviewer1").urged()).containsExactly("xlz");
        } finally {
            identityService.clearAuthentication();
        }
        List<String> texts = jdbc.sql("SELECT text_body FROM duban_outbox WHERE campaign_id = ? AND kind = 'URGE'").param(id)
                .query(String.class).list();
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text)
                .contains("#/?task=" + task).contains(people.names(List.of("reviewer1")).get("reviewer1") + "（")
                .contains("综合监督科）催办").contains("催办说明：请今日报送"));
    }

    @Test
    void fifteenParallelUrgesOfOneUnitMakeOneUrgeAndOneMailPerRecipient() throws Exception {
        LocalDate due = calendar.onOrAfter(today.plusDays(2));
        String id = campaign("xlz", due);
        at(due.plusDays(1), 10, 0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(15);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<UrgeService.Result>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 15; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return urges.urge(id, List.of("xlz"), "请报送", "reviewer1");
                }));
            }
            start.countDown();
            int urged = 0;
            for (var r : results) {
                urged += r.get(60, java.util.concurrent.TimeUnit.SECONDS).urged().size();
            }
            assertThat(urged).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_urge WHERE campaign_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(1);
        var urgeMails = outbox.list(id).stream().filter(m -> m.kind().equals("URGE")).toList();
        assertThat(urgeMails).isNotEmpty();
        assertThat(urgeMails).extracting(OutboxMail::recipient).doesNotHaveDuplicates();
    }

    @Test
    void aSecondUrgeOnTheSameDayAfterTheIntervalSendsItsOwnMail() {
        LocalDate due = calendar.onOrAfter(today.plusDays(2));
        String id = campaign("xlz", due);
        var hourly = new UrgeService(campaignService, reports, unitRepository, reminderService, links, people, outbox, jdbc,
                clock, java.time.Duration.ofHours(1));
        at(due.plusDays(1), 9, 0);
        assertThat(tx.execute(s -> hourly.urge(id, List.of("xlz"), "第一次", "reviewer1")).urged()).containsExactly("xlz");
        at(due.plusDays(1), 9, 30);
        assertThat(tx.execute(s -> hourly.urge(id, List.of("xlz"), "第二次", "reviewer1")).urged()).isEmpty();
        at(due.plusDays(1), 10, 5);
        assertThat(tx.execute(s -> hourly.urge(id, List.of("xlz"), "第三次", "reviewer1")).urged()).containsExactly("xlz");
        var urgeMails = outbox.list(id).stream().filter(m -> m.kind().equals("URGE")).toList();
        long recipients = urgeMails.stream().map(OutboxMail::recipient).distinct().count();
        assertThat(urgeMails).hasSize((int) (2 * recipients));
    }

    /** Issue #16: a unit's mail goes to the named person, copied to the unit's mailbox (duban.mail.copy-unit-mailbox). */
    @Test
    void mailGoesToTheNamedPersonAndACopyToTheUnitsMailbox() {
        email("dlz-head", "peng.head@person.test");
        email("dlz-reporter", "lv.reporter@person.test");
        try {
            LocalDate due = calendar.onOrAfter(today.plusDays(10));
            String id = campaign("dlz", due);
            assertThat(outbox.list(id)).filteredOn(m -> m.kind().equals("NOTICE_ISSUED")).extracting(OutboxMail::recipient)
                    .as("the notice: to the head, who signs for it, and the unit's mailbox").containsExactlyInAnyOrder(
                            "peng.head@person.test", "dlz@demo.duban.local");
            sign(id, "dlz");
            handIn(id, "dlz");
            driver.review(id, "dlz", false, "请补充", due);
            assertThat(kinds(outbox.list(id), "dlz")).containsExactlyInAnyOrder(
                    "REPORT_RETURNED lv.reporter@person.test", "REPORT_RETURNED dlz@demo.duban.local");
            var result = urges.urge(id, List.of("dlz"), "请今日重报", "reviewer1");
            assertThat(result.message()).startsWith("已催办 1 个单位：").contains("沂源县").doesNotContain("dlz");
            assertThat(kinds(outbox.list(id), "dlz")).contains("URGE lv.reporter@person.test", "URGE peng.head@person.test",
                    "URGE dlz@demo.duban.local");
        } finally {
            email("dlz-head", "dlz@demo.duban.local");
            email("dlz-reporter", "dlz@demo.duban.local");
        }
    }

    String campaign(String units, LocalDate due) {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [" + units + "]");
        return driver.issue(driver.startCampaign(t.code(), due.toString()));
    }

    void sign(String id, String unit) {
        driver.sign(id, unit);
    }

    void handIn(String id, String unit) {
        driver.stage(id, unit, true, true);
        driver.handIn(id, unit, Driver.seed000Figures("1"), List.of());
    }

    void at(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, minute).atZone(CHINA).toInstant()));
    }

    void email(String user, String address) {
        var u = identityService.createUserQuery().userId(user).singleResult();
        if (u != null && !address.equals(u.getEmail())) {
            u.setEmail(address);
            identityService.saveUser(u);
        }
    }

    static List<String> kinds(List<OutboxMail> mails, String unit) {
        return mails.stream().filter(m -> m.unitCode().equals(unit) && !m.kind().equals("NOTICE_ISSUED"))
                .map(m -> m.kind() + " " + m.recipient()).toList();
    }
}
