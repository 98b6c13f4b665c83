package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.process.CampaignProcess;
import cn.duban.process.UnitReportProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every deadline and reminder in China time whatever zone the server is set to (issue 31 §6): the JVM starts on
 * another zone (each subclass sets its own before duban's context starts), and still a unit's task is due at the
 * end of its deadline's day in China, and each day's reminder check is due at 09:00 in China, day after day — across
 * 1 November 2026, the day New York leaves summer time, when Camunda adds a timer cycle's day in the JVM's calendar.
 * Without engine.ChinaTime the New York run moves the checks after that day to 10:00.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(Driver.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ChinaTimeIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired Driver driver;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;

    /** The zone the JVM had before duban's context started. */
    abstract String hostZone();

    /** Sets the JVM on the host's zone, before the context starts (it is started for the test instance, after this). */
    static void hostOn(String zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void deadlinesAndTheDailyReminderCheckAreChinaTimeDayAfterDay() {
        assertThat(TimeZone.getDefault().getID()).as("the JVM's zone once duban started").isEqualTo("Asia/Shanghai");
        assertThat(ChinaTime.hostZone()).isEqualTo(hostZone());

        at(ZonedDateTime.of(2026, 10, 29, 10, 0, 0, 0, CHINA));
        driver.sectionPeople();
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), "2026-11-10"));
        LocalDate deadline = jdbc.sql("SELECT deadline FROM duban_campaign WHERE id = ?").param(id).query(LocalDate.class).single();
        assertThat(driver.unitTask(id, "rmyy", UnitReportProcess.SIGN_NOTICE).getDueDate().toInstant())
                .as("the unit's task is due at the end of the deadline's day in China")
                .isEqualTo(deadline.atTime(23, 59, 59).atZone(CHINA).toInstant());

        String instance = jdbc.sql("SELECT process_instance_id FROM duban_campaign WHERE id = ?").param(id).query(String.class).single();
        for (LocalDate day = LocalDate.of(2026, 10, 30); !day.isAfter(LocalDate.of(2026, 11, 5)); day = day.plusDays(1)) {
            var check = managementService.createJobQuery().processInstanceId(instance).activityId(CampaignProcess.DAILY_REMINDER_TIMER)
                    .singleResult();
            assertThat(check.getDuedate().toInstant()).as("the daily check of " + day)
                    .isEqualTo(day.atTime(9, 0).atZone(CHINA).toInstant());
            at(day.atTime(9, 30).atZone(CHINA));
            managementService.executeJob(check.getId());
        }
        // the reminder three working days before the deadline (Thursday the 5th) went out that morning, China time
        assertThat(jdbc.sql("SELECT created_at FROM duban_outbox WHERE campaign_id = ? AND kind = 'REMINDER'").param(id)
                .query(java.time.LocalDateTime.class).list()).isNotEmpty()
                .allMatch(queued -> queued.equals(LocalDate.of(2026, 11, 5).atTime(9, 30)));
    }

    static void at(ZonedDateTime t) {
        ClockUtil.setCurrentTime(Date.from(t.toInstant()));
    }
}
