package cn.duban.process;

import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import static cn.duban.Driver.transientString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import cn.duban.summary.SummaryService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/campaign.bpmn: issue, collect, close (all approved, or after the deadline), summarize, archive. */
@EngineTest
class CampaignProcessTest {

    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired CampaignService campaigns;
    @Autowired ReportService reports;
    @Autowired SummaryService summaries;

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        driver.sectionPeople();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance start(String units) {
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [" + units + "]");
        return driver.startCampaign(t.code(), today.plusDays(5).toString());
    }

    @Test
    void allUnitsApprovedLeadsToSummaryAndArchive() {
        ProcessInstance pi = start("xlz");
        assertThat(pi).isWaitingAt(CampaignProcess.APPROVE_NOTICE);
        String id = driver.issue(pi);
        assertThat(pi).isWaitingAt(CampaignProcess.MONITOR_REPORTS);
        approve(id, "xlz");
        driver.runJobs();
        assertThat(pi).hasPassed("allReportsApprovedEvent", "closeCampaign").isWaitingAt(CampaignProcess.SUMMARIZE_COUNTY);
        driver.submit("drafter1", driver.task(id, CampaignProcess.SUMMARIZE_COUNTY), Map.of());
        driver.runJobs();
        assertThat(pi).isEnded().hasPassed("campaignArchived");
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.ARCHIVED);
    }

    @Test
    void closingBeforeTheDeadlineIsRefused() {
        ProcessInstance pi = start("xlz, nlsz");
        String id = driver.issue(pi);
        assertThatThrownBy(() -> driver.submit("drafter1", driver.task(id, CampaignProcess.MONITOR_REPORTS), Map.of()))
                .hasMessageContaining("过后才能结束征集");
        assertThat(pi).isWaitingAt(CampaignProcess.MONITOR_REPORTS);
    }

    @Test
    void closingAfterTheDeadlineEndsTheMissingUnitsWork() {
        ProcessInstance pi = start("xlz, nlsz");
        String id = driver.issue(pi);
        approve(id, "xlz");
        driver.runJobs();
        assertThat(pi).isWaitingAt(CampaignProcess.MONITOR_REPORTS);
        // the day after the deadline (a deadline on a weekend or holiday moves to the next working day)
        LocalDate deadline = campaigns.get(id).deadline();
        assertThat(deadline).isAfterOrEqualTo(today.plusDays(5));
        ClockUtil.setCurrentTime(Date.from(deadline.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        driver.submit("drafter1", driver.task(id, CampaignProcess.MONITOR_REPORTS), Map.of());
        driver.runJobs();
        assertThat(pi).isWaitingAt(CampaignProcess.SUMMARIZE_COUNTY);
        assertThat(reports.unit(id, "nlsz").status()).isEqualTo(UnitStatus.CLOSED);
        var missing = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id + ":nlsz").singleResult();
        assertThat(missing).isNull();
        var summary = summaries.summarize(id);
        assertThat(summary.missing()).extracting(r -> r.unitCode()).containsExactly("nlsz");
        assertThat(summary.late()).extracting(r -> r.unitCode()).containsExactly("nlsz");
        assertThat(summary.late().get(0).daysLate()).isEqualTo(1);
        // a report handed in after the close is refused and nothing is saved
        var late = new ReportPayload(Map.of("1", "1"), "迟交的总结", null, List.of());
        assertThatThrownBy(() -> reports.handIn(id, "nlsz", late, "nlsz-reporter")).hasMessageContaining("活动已截止，不再接收报送");
        assertThat(reports.versions(id, "nlsz")).isEmpty();
    }

    @Test
    void theDailyReminderTimerChecksEveryMorningWhileTheCampaignCollectsReports() {
        ProcessInstance pi = start("xlz");
        String id = driver.issue(pi);
        // one timer for the whole campaign, the next morning at the reminder hour (9:00) at the latest
        var timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        var nextMorning = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withHour(9).truncatedTo(ChronoUnit.HOURS);
        assertThat(timer.getDuedate()).isAfter(new Date()).isBeforeOrEqualTo(Date.from(nextMorning.toInstant()));
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        driver.runJobs();
        assertThat(pi).hasPassed("sendReminders", "remindersSent").isWaitingAt(CampaignProcess.MONITOR_REPORTS);
        // and again the morning after
        var next = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(next.getDuedate()).isEqualTo(new Date(timer.getDuedate().getTime() + Duration.ofDays(1).toMillis()));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("sendReminders").count()).isEqualTo(1);
    }

    void approve(String id, String unit) {
        driver.sign(id, unit);
        driver.stage(id, unit, true, true);
        driver.handIn(id, unit, Driver.seed000Figures("1"), List.of());
        driver.review(id, unit, true, null, null);
    }
}
