package cn.duban.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignService;
import cn.duban.identity.Roles;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.AttachmentService;
import cn.duban.report.FileTypesTestAccess;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped two-level roll-up with video attachments (county-patriotic-health-month, written after the county
 * 爱国卫生月 notices): the CDC and the township centres under it in the registry, the centres due three working days
 * earlier and reviewed by the CDC, a video required of each, the CDC's own report reviewed by the section.
 */
@EngineTest
class PatrioticHealthMonthIT {

    @Autowired Driver driver;
    @Autowired CampaignService campaigns;
    @Autowired ReportService reports;
    @Autowired AttachmentService attachments;
    @Autowired TaskService taskService;
    @Autowired WorkCalendar calendar;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @Test
    void theCentresReportToTheCdcWithTheirVideosAndTheCdcToTheBureau() {
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
        String id = driver.issue(driver.startCampaign("county-patriotic-health-month", deadline.toString()));
        assertThat(reports.units(id)).extracting(u -> u.unitCode())
                .contains("jkzx", "lsjd", "nmjd", "lcz", "dzzz").doesNotContain("rmyy", "zyy");
        LocalDate centresDue = calendar.workingDaysBefore(deadline, 3);
        assertThat(reports.unit(id, "lsjd").dueDate()).isEqualTo(centresDue);
        assertThat(reports.unit(id, "jkzx").dueDate()).isEqualTo(deadline);

        driver.sign(id, "lsjd");
        driver.stage(id, "lsjd", true, true);
        attachments.stage(id, "lsjd", "PHOTO", "现场2.png", Driver.PNG, "lsjd-reporter");
        // without its video the hand-in is refused by the kind's name
        assertThatThrownBy(() -> driver.handIn(id, "lsjd", figures(), List.of())).hasMessageContaining("至少需要 1 个“活动视频”");
        attachments.stage(id, "lsjd", "VIDEO", "清理卫生死角.mp4", FileTypesTestAccess.mp4(), "lsjd-reporter");
        driver.handIn(id, "lsjd", figures(), List.of());
        var review = driver.unitTask(id, "lsjd", UnitReportProcess.REVIEW_REPORT);
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId())
                .containsExactly(Roles.unitGroup("jkzx"));
        driver.submit("jkzx-reporter", review, java.util.Map.of(UnitReportProcess.REPORT_APPROVED.name(), true,
                UnitReportProcess.COMMENT.name(), Driver.transientString(""), UnitReportProcess.NEW_DUE_DATE.name(), Driver.transientString("")));
        assertThat(reports.unit(id, "lsjd").status()).isEqualTo(UnitStatus.APPROVED);
        assertThat(campaigns.get(id).template().attachments().effectiveKinds()).extracting(k -> k.label())
                .containsExactly("活动总结", "活动照片", "活动视频");
    }

    private static java.util.Map<String, String> figures() {
        return java.util.Map.of("clean", "12", "vector", "2", "talks", "3", "leaflets", "500", "people", "260");
    }
}
