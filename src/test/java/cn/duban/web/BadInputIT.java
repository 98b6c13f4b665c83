package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.TemplateParser;
import cn.duban.report.AttachmentService;
import cn.duban.report.ReportPayload;
import cn.duban.report.ReportService;
import cn.duban.process.UnitReportProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import cn.duban.process.NoticeApprovalProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Cases of docs/bad-input.md not covered elsewhere: each refused with a Chinese message, nothing saved changed. */
@EngineTest
class BadInputIT {

    @Autowired Driver driver;
    @Autowired ReportService reports;
    @Autowired AttachmentService attachments;
    @Autowired CampaignService campaigns;
    @Autowired ProcessEngine engine;

    String id;

    @BeforeEach
    void campaign() {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [jjzx]");
        id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(9).toString()));
    }

    @Test
    void aReporterFromAnotherUnitIsRefused() {
        assertThatThrownBy(() -> driver.submit("jjzx-reporter", driver.unitTask(id, "jjzx", UnitReportProcess.SIGN_NOTICE),
                Map.of(UnitReportProcess.REPORTER.name(), "rmyy-reporter"))).hasMessageContaining("所选专人不是本单位人员");
        assertThat(reports.unit(id, "jjzx").reporterUser()).isNull();
    }

    @Test
    void aSummaryOfAHundredThousandCharactersIsKeptOneMoreIsRefused() {
        driver.sign(id, "jjzx");
        driver.stage(id, "jjzx", true, true);
        String tooLong = "字".repeat(ReportService.MAX_SUMMARY + 1);
        var task = driver.unitTask(id, "jjzx", UnitReportProcess.FILL_REPORT);
        assertThatThrownBy(() -> driver.submit("jjzx-reporter", task, Map.of(UnitReportProcess.REPORT.name(),
                Driver.transientString(new ReportPayload(Driver.seed000Figures("1"), tooLong, null, List.of()).toJson()))))
                .hasMessageContaining("活动总结过长（最多 100000 字）");
        assertThat(reports.versions(id, "jjzx")).isEmpty();
        String longest = "<script>alert('x')</script>" + "字".repeat(ReportService.MAX_SUMMARY - 27);
        driver.submit("jjzx-reporter", task, Map.of(UnitReportProcess.REPORT.name(),
                Driver.transientString(new ReportPayload(Driver.seed000Figures("1"), longest, null, List.of()).toJson())));
        // stored as typed: the script tag is text, escaped wherever it is shown
        assertThat(reports.versions(id, "jjzx").get(0).summary()).isEqualTo(longest);
    }

    @Test
    void anOversizedFileAndTooManyFilesAreRefused() {
        driver.sign(id, "jjzx");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> attachments.stage(id, "jjzx", AttachmentService.PHOTO, "big.jpg", big, "jjzx-reporter"))
                .hasMessageContaining("超过 20 MB 的上限");
        for (int i = 0; i < 40; i++) {
            attachments.stage(id, "jjzx", AttachmentService.PHOTO, i + ".jpg", cn.duban.Driver.JPEG, "jjzx-reporter");
        }
        assertThatThrownBy(() -> attachments.stage(id, "jjzx", AttachmentService.PHOTO, "41.jpg",
                cn.duban.Driver.JPEG, "jjzx-reporter"))
                .hasMessageContaining("待提交的附件已有 40 个");
        assertThat(attachments.staged(id, "jjzx")).hasSize(40);
    }

    @Test
    void aNewDueDateInThePastIsRefused() {
        driver.sign(id, "jjzx");
        driver.stage(id, "jjzx", true, true);
        driver.handIn(id, "jjzx", Driver.seed000Figures("1"), List.of());
        assertThatThrownBy(() -> driver.review(id, "jjzx", false, "请补充", LocalDate.now().minusDays(1)))
                .hasMessageContaining("新的报送期限不能早于今天");
        assertThat(reports.unit(id, "jjzx").returnCount()).isZero();
    }

    @Test
    void aDeadlineInThePastIsRefusedWhenACampaignIsOpened() {
        assertThatThrownBy(() -> campaigns.createDraft("yiyuan-health-2024-315", LocalDate.now().minusDays(3), "drafter1"))
                .hasMessageContaining("报送截止日期 " + LocalDate.now().minusDays(3) + " 已过");
        // the template's own date (the 2024 campaign's) is no default for a campaign of today
        assertThatThrownBy(() -> campaigns.createDraft("yiyuan-health-2024-315", null, "drafter1"))
                .hasMessageContaining("模板中的报送截止日期 2024-03-22 已过");
    }

    @Test
    void aDeadlineThatPassesWhileTheDraftWaitsIsRefusedAtReviewAndSignOff() {
        try {
            var campaign = driver.startCampaign("yiyuan-health-2024-315", LocalDate.now().plusDays(1).toString());
            String cid = (String) engine.getRuntimeService().getVariable(campaign.getId(), "campaignId");
            driver.submit("drafter1", driver.task(cid, NoticeApprovalProcess.DRAFT_NOTICE), Map.of());
            // three days on the draft still waits for 核稿: its deadline has passed
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(3))));
            var review = driver.task(cid, NoticeApprovalProcess.REVIEW_NOTICE);
            assertThatThrownBy(() -> driver.submit("head1", review, Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true)))
                    .hasMessageContaining("报送截止日期 " + LocalDate.now().plusDays(1) + " 已过");
            assertThat(campaigns.get(cid).status()).isEqualTo(cn.duban.campaign.CampaignStatus.REVIEWING);
            // it can still go back to the drafter, who sets a new date
            driver.submit("head1", review, Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), false,
                    NoticeApprovalProcess.COMMENT.name(), Driver.transientString("截止日期已过，请重新确定")));
            assertThat(campaigns.get(cid).status()).isEqualTo(cn.duban.campaign.CampaignStatus.DRAFTING);
            assertThatThrownBy(() -> driver.submit("drafter1", driver.task(cid, NoticeApprovalProcess.DRAFT_NOTICE), Map.of()))
                    .hasMessageContaining("已过");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void sqlAndPathStringsInNamesAreJustText() {
        driver.sign(id, "jjzx");
        var a = attachments.stage(id, "jjzx", AttachmentService.SUMMARY, "../../'; DROP TABLE duban_report; --.pdf",
                "%PDF-1.4".getBytes(), "jjzx-reporter");
        assertThat(a.filename()).isEqualTo("'; DROP TABLE duban_report; --.pdf");
        assertThat(reports.versions(id, "jjzx")).isEmpty();
    }

    @Test
    void aYamlAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        assertThatThrownBy(() -> TemplateParser.parse(bomb.toString())).isInstanceOf(cn.duban.campaign.TemplateException.class);
    }
}
