package cn.duban.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignService;
import cn.duban.mail.MailKind;
import cn.duban.mail.Outbox;
import cn.duban.mail.OutboxMail;
import cn.duban.unit.UnitAdmin;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #28 §10: what 试运行 shows is what the engine then does. The timeline is worked out by the rules the running
 * notice follows rather than by running a copy; this test holds the two together. A notice is rehearsed as drafted,
 * then signed off and run for real with the engine's clock moved a morning at a time past its deadline, no unit
 * handing in: every mail the engine queued — 通知下发, each 报送提醒 and 最后提醒, the 逾期通知, the first 未报汇总, and
 * in a roll-up the members' own reminders and their intermediate's first 下级单位逾期汇总 — falls on the day the
 * rehearsal said, and the rehearsal announced nothing the engine did not do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class RehearsalMatchesEngineIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired Driver driver;
    @Autowired RehearsalService rehearsals;
    @Autowired CampaignService campaigns;
    @Autowired RuntimeService runtime;
    @Autowired Outbox outbox;
    @Autowired WorkCalendar calendar;
    @Autowired UnitAdmin unitAdmin;
    @Autowired ProcessEngine engine;

    String member;

    @BeforeEach
    void people() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        // the section's people have mailboxes (the daily digest is theirs)
        for (String user : List.of("drafter1", "reviewer1")) {
            var u = engine.getIdentityService().createUserQuery().userId(user).singleResult();
            if (u != null && u.getEmail() == null) {
                u.setEmail(user + "@section.local");
                engine.getIdentityService().saveUser(u);
            }
        }
        member = "rhm" + System.nanoTime() % 100_000;
        unitAdmin.create(new UnitAdmin.UnitForm(member, "镇卫生院" + member, "township", member + "@township.local", null, null,
                "填报员", member + "-reporter", "jkzx"), "ops1");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        unitAdmin.setActive(member, false, "test");
    }

    @Test
    void aNoticesMailsFallOnTheDaysItsRehearsalShowed() {
        runAndCompare("  units: [rmyy, zyy]", "");
    }

    @Test
    void aRollUpsMembersDayAndTheirIntermediatesDigestFallWhereTheRehearsalShowedThem() {
        runAndCompare("  units: [jkzx, " + member + "]", "\nrollup: {membersDueWorkingDaysBefore: 2}\n");
    }

    private void runAndCompare(String targets, String extra) {
        var t = driver.uploadVariantWith("campaigns/county-medical-buildings-safety.yaml", targets, extra);
        LocalDate today = LocalDate.now(CHINA);
        LocalDate deadline = calendar.onOrAfter(today.plusDays(12));
        var started = driver.startCampaign(t.code(), deadline.toString());
        String id = (String) runtime.getVariable(started.getId(), "campaignId");

        // what the drafter is shown, signed off today
        var shown = rehearsals.rehearse(id, campaigns.get(id).template(), deadline, today);
        assertThat(shown.problems()).isEmpty();
        Map<String, TreeSet<LocalDate>> promised = new TreeMap<>();
        for (Rehearsal.Event e : shown.events()) {
            String kind = e.what().startsWith("签发后印发通知") ? MailKind.NOTICE_ISSUED.name()
                    : e.what().startsWith("报送提醒") ? MailKind.REMINDER.name()
                    : e.what().startsWith("最后提醒") ? MailKind.LAST_REMINDER.name()
                    : e.what().startsWith("逾期通知") ? MailKind.OVERDUE.name()
                    : e.what().startsWith("每天一封未报单位汇总") ? MailKind.DIGEST.name()
                    : e.what().startsWith("汇总单位每天收到") ? MailKind.MEMBER_DIGEST.name() : null;
            if (kind != null) {
                promised.computeIfAbsent(kind, k -> new TreeSet<>()).add(e.day());
            }
        }
        assertThat(promised).containsKeys(MailKind.NOTICE_ISSUED.name(), MailKind.REMINDER.name(), MailKind.LAST_REMINDER.name(),
                MailKind.OVERDUE.name(), MailKind.DIGEST.name());

        // and what the engine does: signed off today, every morning until two days past the deadline, nobody hands in
        driver.issue(started);
        for (LocalDate d = today.plusDays(1); !d.isAfter(deadline.plusDays(2)); d = d.plusDays(1)) {
            ClockUtil.setCurrentTime(Date.from(d.atTime(9, 30).atZone(CHINA).toInstant()));
            driver.runJobs();
        }
        Map<String, TreeSet<LocalDate>> done = new TreeMap<>();
        for (OutboxMail m : outbox.list(id)) {
            done.computeIfAbsent(m.kind(), k -> new TreeSet<>()).add(m.nextAttemptAt().toLocalDate());
        }
        // the digests are daily from their first morning: the rehearsal names that morning
        for (String daily : List.of(MailKind.DIGEST.name(), MailKind.MEMBER_DIGEST.name())) {
            if (done.containsKey(daily)) {
                done.put(daily, new TreeSet<>(List.of(done.get(daily).first())));
            }
        }
        assertThat(done).as("the engine's mails by kind and day, against what 试运行 showed").isEqualTo(promised);
    }
}
