package cn.duban.distribution;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignException;
import cn.duban.campaign.CampaignService;
import cn.duban.report.ReportRepository;
import cn.duban.report.ReportService;
import cn.duban.report.UnitReport;
import cn.duban.report.UnitReportProcess;
import cn.duban.report.UnitStatus;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends the collection of reports: when every unit is approved, or when the section closes it after the
 * deadline. Units that never reported are marked so and their unit-report processes end.
 */
@Service
@Transactional
public class CampaignClosing {

    private final CampaignService campaigns;
    private final ReportService reportService;
    private final ReportRepository reports;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public CampaignClosing(CampaignService campaigns, ReportService reportService, ReportRepository reports,
                           RuntimeService runtimeService, Clock clock) {
        this.campaigns = campaigns;
        this.reportService = reportService;
        this.reports = reports;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Refuses, with the reason, a close the section asks for too early. */
    @Transactional(readOnly = true)
    public void checkClosable(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        if (!reportService.allApproved(campaignId) && c.deadline() != null && !LocalDate.now(clock).isAfter(c.deadline())) {
            throw new CampaignException("报送截止日期（" + c.deadline() + "）过后才能结束征集；所有单位审核通过后会自动结束");
        }
    }

    public void close(String campaignId) {
        campaigns.close(campaignId, reportService.allApproved(campaignId));
        for (UnitReport u : reports.owing(campaignId)) {
            reports.updateUnitStatus(campaignId, u.unitCode(), UnitStatus.CLOSED);
            if (u.processInstanceId() != null) {
                runtimeService.createMessageCorrelation(UnitReportProcess.MESSAGE_CAMPAIGN_CLOSED)
                        .processInstanceId(u.processInstanceId())
                        .correlateAll();
            }
        }
    }
}
