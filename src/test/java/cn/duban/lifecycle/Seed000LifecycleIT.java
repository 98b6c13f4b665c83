package cn.duban.lifecycle;

import static cn.duban.Driver.transientString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.calendar.WorkCalendar;
import cn.duban.process.CampaignProcess;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.mail.Notifications;
import cn.duban.mail.Outbox;
import cn.duban.report.AttachmentService;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportService;
import cn.duban.report.DoneWork;
import cn.duban.report.ReportStatus;
import cn.duban.report.ReportVersion;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.UnitStatus;
import cn.duban.summary.CountySummary;
import cn.duban.summary.SummaryService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 000 for three units, from draft to archive, through the task API as Tasklist calls it: one
 * report is returned once and resubmitted; the county totals are the sums of the approved versions.
 */
@EngineTest
class Seed000LifecycleIT {

    @Autowired Driver driver;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired CampaignService campaigns;
    @Autowired ReportService reports;
    @Autowired AttachmentService attachments;
    @Autowired SummaryService summaries;
    @Autowired cn.duban.report.DoneWork doneWork;
    @Autowired Outbox outbox;
    @Autowired WorkCalendar calendar;

    @Autowired javax.sql.DataSource dataSource;

    /**
     * duban's index on Camunda's authorizations by user (EngineIndexes): without it a unit's Tasklist query
     * read every authorization and, at 100,000 open tasks on PostgreSQL, took 184 ms instead of 6 ms.
     */
    @Test
    void authorizationsAreIndexedByUserForTheUnitsTaskQuery() throws Exception {
        List<String> leading = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_AUTHORIZATION", "act_ru_authorization")) {
                try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getShort("ORDINAL_POSITION") == 1) {
                            leading.add(rs.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        assertThat(leading).as("first columns of the authorization table's indexes").contains("USER_ID_");
    }

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @Test
    void threeUnitsFromDraftToCountySummaryWithOneReturn() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, jkzx, lcz]");
        assertThat(t.indicators()).hasSize(11);
        // a working day, so that the deadline stands as given whatever day the suite runs on
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10));
        ProcessInstance campaign = driver.startCampaign(t.code(), deadline.toString());
        String id = driver.issue(campaign);

        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.ISSUED);
        assertThat(campaigns.get(id).deadline()).isEqualTo(deadline);
        assertThat(reports.units(id)).extracting(u -> u.unitCode()).containsExactly("jkzx", "lcz", "rmyy");
        // a unit's reporter sees exactly its own unit's task, with the campaign's due date
        List<org.camunda.bpm.engine.task.Task> visible = driver.as("rmyy-reporter", () -> taskService.createTaskQuery()
                .processVariableValueEquals("campaignId", id).list());
        assertThat(visible).singleElement().satisfies(task -> {
            assertThat(task.getTaskDefinitionKey()).isEqualTo(UnitReportProcess.SIGN_NOTICE);
            assertThat(task.getDueDate()).isNotNull();
        });

        Map<String, Map<String, String>> figures = new LinkedHashMap<>();
        figures.put("rmyy", figures(2, 1, 5, 120, 8, 8, "1.50", 3, 1, 4, 2000));
        figures.put("jkzx", figures(1, 0, 3, 40, 2, 1, "0.25", 2, 0, 2, 500));
        figures.put("lcz", figures(3, 0, 6, 60, 5, 5, "2.00", 1, 0, 1, 800));
        for (String unit : figures.keySet()) {
            driver.submit(unit + "-reporter", driver.unitTask(id, unit, UnitReportProcess.SIGN_NOTICE),
                    Map.of(UnitReportProcess.REPORTER.name(), unit + "-reporter"));
            stageFiles(id, unit);
        }
        // a bad figure is refused with a Chinese message and nothing is saved
        Map<String, String> bad = new LinkedHashMap<>(figures.get("rmyy"));
        bad.put("7", "1.555");
        bad.put("1", "-1");
        assertThatThrownBy(() -> handIn(id, "rmyy", bad, List.of()))
                .hasMessageContaining("不能为负数").hasMessageContaining("最多 2 位小数");
        assertThat(reports.versions(id, "rmyy")).isEmpty();
        assertThat(attachments.staged(id, "rmyy")).hasSize(2);

        for (String unit : figures.keySet()) {
            handIn(id, unit, figures.get(unit), List.of());
        }
        assertThat(reports.unit(id, "rmyy").status()).isEqualTo(UnitStatus.SUBMITTED);

        review(id, "rmyy", true, null, null);
        LocalDate newDue = calendar.onOrAfter(deadline.plusDays(3));
        review(id, "jkzx", false, "第7项挽回经济损失与总结不符，请核实", newDue);
        review(id, "lcz", true, null, null);
        driver.runJobs();

        // the returned unit sees its task again, due on the new date, and the earlier version is kept
        var again = driver.unitTask(id, "jkzx", UnitReportProcess.FILL_REPORT);
        assertThat(again.getDueDate()).isEqualTo(java.util.Date.from(newDue.atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        ReportVersion v1 = reports.versions(id, "jkzx").get(0);
        assertThat(v1.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(v1.reviewComment()).contains("第7项");
        // the unit was mailed when the notice went out, and again with the reason when it came back
        assertThat(outbox.list(id)).filteredOn(m -> m.kind().equals(cn.duban.mail.MailKind.NOTICE_ISSUED.name())).hasSize(3);
        assertThat(outbox.list(id)).filteredOn(m -> m.kind().equals(cn.duban.mail.MailKind.REPORT_RETURNED.name())).singleElement()
                .satisfies(m -> {
                    assertThat(m.recipient()).isEqualTo("jkzx@demo.duban.local");
                    assertThat(m.dueDate()).isEqualTo(newDue);
                });
        Map<String, String> corrected = new LinkedHashMap<>(figures.get("jkzx"));
        corrected.put("7", "0.30");
        handIn(id, "jkzx", corrected, v1.attachments().stream().map(a -> a.id()).toList());
        assertThat(driver.task(id, CampaignProcess.MONITOR_REPORTS)).isNotNull();
        review(id, "jkzx", true, null, null);
        driver.runJobs();

        // 已办: the unit finds both its versions, newest first; the reviewer the four decisions, in Chinese
        var jkzxDone = doneWork.of("jkzx-reporter", List.of("jkzx")).handedIn().stream().filter(e -> e.campaignId().equals(id)).toList();
        assertThat(jkzxDone).extracting(DoneWork.Entry::version, DoneWork.Entry::statusLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "审核通过"), org.assertj.core.groups.Tuple.tuple(1, "退回修改"));
        assertThat(jkzxDone.get(1).reviewComment()).isEqualTo("第7项挽回经济损失与总结不符，请核实");
        assertThat(doneWork.of("reviewer1", List.of()).reviewed().stream().filter(e -> e.campaignId().equals(id)))
                .hasSize(4).allSatisfy(e -> assertThat(e.unitName()).isNotBlank());

        // every unit approved: the campaign went on by itself to the county summary
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.CLOSED);
        var summaryTask = driver.task(id, CampaignProcess.SUMMARIZE_COUNTY);
        CountySummary s = summaries.summarize(id);
        assertThat(s.approvedCount()).isEqualTo(3);
        assertThat(s.missing()).isEmpty();
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (String unit : List.of("rmyy", "lcz")) {
            figures.get(unit).forEach((k, v) -> expected.merge(k, new BigDecimal(v), BigDecimal::add));
        }
        corrected.forEach((k, v) -> expected.merge(k, new BigDecimal(v), BigDecimal::add));
        for (CountySummary.Total total : s.totals()) {
            assertThat(total.amount()).as(total.name()).isEqualByComparingTo(expected.get(total.code()));
        }
        assertThat(s.totals().get(6).amount()).isEqualByComparingTo("3.80");
        assertThat(s.totals().get(6).amount().scale()).isEqualTo(2);
        assertThat(s.units()).filteredOn(u -> u.unitCode().equals("jkzx")).singleElement()
                .satisfies(u -> assertThat(u.returnCount()).isEqualTo(1));
        // versions kept, nothing overwritten
        List<ReportVersion> jkzx = reports.versions(id, "jkzx");
        assertThat(jkzx).extracting(ReportVersion::version).containsExactly(2, 1);
        assertThat(jkzx.get(1).values().get("7")).isEqualByComparingTo("0.25");
        assertThat(jkzx.get(0).values().get("7")).isEqualByComparingTo("0.30");
        assertThat(jkzx.get(0).attachments()).hasSize(2);
        assertThat(jkzx.get(1).attachments()).hasSize(2);

        driver.submit("drafter1", summaryTask, Map.of());
        driver.runJobs();
        assertThat(campaigns.get(id).status()).isEqualTo(CampaignStatus.ARCHIVED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(campaign.getId()).singleResult().getEndActivityId())
                .isEqualTo("campaignArchived");
        // process variables hold references and routing flags only: the figures never reached the engine
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName(UnitReportProcess.REPORT.name()).count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().formFields().list())
                .noneMatch(d -> d instanceof org.camunda.bpm.engine.history.HistoricFormField f
                        && UnitReportProcess.REPORT.name().equals(f.getFieldId()));
    }

    static Map<String, String> figures(Object... values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(String.valueOf(i + 1), String.valueOf(values[i]));
        }
        return m;
    }

    void stageFiles(String id, String unit) {
        driver.stage(id, unit, true, true);
    }

    void handIn(String id, String unit, Map<String, String> values, List<Long> keep) {
        driver.handIn(id, unit, values, keep);
    }

    void review(String id, String unit, boolean approved, String comment, LocalDate newDue) {
        driver.review(id, unit, approved, comment, newDue);
    }
}
