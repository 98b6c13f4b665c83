package cn.duban.lifecycle;

import cn.duban.report.UnitItems;
import cn.duban.report.AttachmentInfo;
import static cn.duban.Driver.transientString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.process.CampaignProcess;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.report.AttachmentService;
import cn.duban.report.ContributionService;
import cn.duban.report.ReportPayload;
import cn.duban.process.UnitReportProcess;
import cn.duban.summary.SummaryService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 001's lead and cooperating departments: each cooperating unit sends its part of every item it
 * cooperates on to the item's lead, which sees them before it reports; the unit head approves each report.
 */
@EngineTest
class Seed001CooperationIT {

    @Autowired Driver driver;
    @Autowired ContributionService contributions;
    @Autowired AttachmentService attachments;
    @Autowired SummaryService summaries;
    @Autowired cn.duban.report.ReportService reports;
    @Autowired cn.duban.campaign.CampaignService campaigns;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @Test
    void cooperatingUnitsReportToTheLeadBeforeItReports() {
        CampaignTemplate t = driver.uploadVariant("campaigns/xx-market-2023-315.yaml", "  units: [sj12315, sjxbw, sjspg, sjcgs]");
        assertThat(t.items()).hasSize(8);
        assertThat(t.dutyRoster()).hasSize(2);
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(14).toString()));
        for (String unit : List.of("sj12315", "sjxbw", "sjspg", "sjcgs")) {
            driver.submit(unit + "-reporter", driver.unitTask(id, unit, UnitReportProcess.SIGN_NOTICE),
                    Map.of(UnitReportProcess.REPORTER.name(), unit + "-reporter"));
        }
        // 食品安全监管股 (a business office) cooperates on items 1, 4, 6; the 城关所 (a station) on 5 and 8
        assertThat(contributions.itemsToContribute(id, "sjspg")).containsExactly("1", "4", "6");
        assertThat(contributions.itemsToContribute(id, "sjcgs")).containsExactly("5", "8");
        assertThat(driver.unitTasks(id, "sjspg", UnitReportProcess.SEND_CONTRIBUTION)).hasSize(3);
        assertThat(driver.unitTasks(id, "sjcgs", UnitReportProcess.SEND_CONTRIBUTION)).extracting(task -> task.getName())
                .containsExactlyInAnyOrder("向牵头单位报送配合情况 · 第 5 项 · XX县2023年3·15国际消费者权益日系列活动方案 · XX县城关市场监管所",
                        "向牵头单位报送配合情况 · 第 8 项 · XX县2023年3·15国际消费者权益日系列活动方案 · XX县城关市场监管所");
        // each unit's 签收 and forms show its own part: the 城关所 leads item 2 and cooperates on 5 and 8, by name
        @SuppressWarnings("unchecked")
        var part = (List<UnitItems.Item>) reports.partOf(campaigns.get(id), "sjcgs").get("items");
        assertThat(part).extracting(UnitItems.Item::code).containsExactly("2", "5", "8");
        assertThat(part).extracting(UnitItems.Item::roleLabel).containsExactly("牵头", "配合", "配合");
        assertThat(part.get(1).lead()).contains("XX县消保委秘书处").contains("XX县市场监管局12315指挥中心").doesNotContain("sjxbw");
        // the leads go straight to their own report
        assertThat(driver.unitTasks(id, "sj12315", UnitReportProcess.FILL_REPORT)).hasSize(1);

        var first = driver.unitTasks(id, "sjspg", UnitReportProcess.SEND_CONTRIBUTION).get(0);
        assertThatThrownBy(() -> driver.submit("sjspg-reporter", first, Map.of(UnitReportProcess.CONTRIBUTION.name(), transientString(" "))))
                .hasMessageContaining("请填写配合开展情况");
        // the lead sees who still owes it a contribution, by item and by name
        assertThat(contributions.missingFor(id, "sj12315")).extracting(m -> m.itemCode() + " " + m.unitName())
                .containsExactly("1 XX县市场监管局食品安全监管股", "4 XX县市场监管局食品安全监管股", "5 XX县城关市场监管所", "6 XX县市场监管局食品安全监管股");
        // a cooperating unit attaches a file to its part of item 5: kept apart from its own report's files
        var photo = attachments.stage(id, "sjcgs", AttachmentService.CONTRIBUTION, "5", "城关所宣传现场.png", AttachmentService.Upload.of(cn.duban.Driver.PNG), "sjcgs-reporter");
        assertThatThrownBy(() -> attachments.stage(id, "sjcgs", AttachmentService.CONTRIBUTION, "1", "无关.png", AttachmentService.Upload.of(cn.duban.Driver.PNG),
                "sjcgs-reporter")).hasMessageContaining("没有待报送的第 1 项配合情况");
        assertThat(attachments.staged(id, "sjcgs")).isEmpty();
        for (String unit : List.of("sjspg", "sjcgs")) {
            for (var task : driver.unitTasks(id, unit, UnitReportProcess.SEND_CONTRIBUTION)) {
                driver.submit(unit + "-reporter", task, Map.of(UnitReportProcess.CONTRIBUTION.name(), transientString(unit + " 配合开展情况")));
            }
        }
        // the lead of items 1,3,4,5,6,7 sees the four contributions for its items before reporting
        assertThat(contributions.receivedBy(id, "sj12315")).extracting(ContributionService.Contribution::itemCode)
                .containsExactly("1", "4", "5", "6");
        assertThat(contributions.receivedBy(id, "sjxbw")).hasSize(5);
        // the lead reads the file that came with item 5; nobody else outside the section and the sender may
        assertThat(contributions.receivedBy(id, "sj12315")).filteredOn(c -> c.itemCode().equals("5")).singleElement()
                .satisfies(c -> assertThat(c.attachments()).extracting(AttachmentInfo::id).containsExactly(photo.id()));
        assertThat(contributions.anyLeads(id, "5", List.of("sj12315"))).isTrue();
        assertThat(contributions.anyLeads(id, "5", List.of("sjspg"))).isFalse();
        assertThat(contributions.missingFor(id, "sj12315")).isEmpty();

        for (String unit : List.of("sj12315", "sjxbw", "sjspg", "sjcgs")) {
            attachments.stage(id, unit, AttachmentService.SUMMARY, "总结.pdf", "%PDF-1.7".getBytes(), unit + "-reporter");
            Map<String, String> values = new LinkedHashMap<>();
            for (String code : List.of("consultations", "complaints", "resolved", "inspections", "cases", "disclosures",
                    "warnings", "lawevents", "pledges", "recovered")) {
                values.put(code, "2");
            }
            driver.submit(unit + "-reporter", driver.unitTask(id, unit, UnitReportProcess.FILL_REPORT), Map.of(
                    UnitReportProcess.REPORT.name(), transientString(new ReportPayload(values, "总结", null, List.of()).toJson())));
            driver.submit(unit + "-head", driver.unitTask(id, unit, UnitReportProcess.APPROVE_BY_HEAD),
                    Map.of(UnitReportProcess.HEAD_APPROVED.name(), true));
            driver.submit("reviewer1", driver.unitTask(id, unit, UnitReportProcess.REVIEW_REPORT),
                    Map.of(UnitReportProcess.REPORT_APPROVED.name(), true));
        }
        // the contribution's file went to the lead, not into the cooperating unit's own report
        assertThat(reports.versions(id, "sjcgs").get(0).attachments()).extracting(AttachmentInfo::filename).containsExactly("总结.pdf");
        driver.runJobs();
        assertThat(driver.task(id, CampaignProcess.SUMMARIZE_COUNTY)).isNotNull();
        var s = summaries.summarize(id);
        // 受理咨询和投诉举报合计 is computed: (2 + 2) per unit, four units
        assertThat(s.totals()).filteredOn(x -> x.code().equals("contacts_total")).singleElement()
                .satisfies(x -> assertThat(x.amount()).isEqualByComparingTo("16"));
        assertThat(s.totals()).filteredOn(x -> x.code().equals("recovered")).singleElement()
                .satisfies(x -> assertThat(x.amount()).isEqualByComparingTo("8.00"));
    }
}
