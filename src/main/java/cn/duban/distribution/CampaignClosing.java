package cn.duban.distribution;

import cn.duban.campaign.CampaignService;
import cn.duban.report.CampaignUnits;
import cn.duban.report.ReportService;
import cn.duban.report.UnitReport;
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
    private final CampaignUnits reports;
    private final UnitProcesses processes;
    private final cn.duban.series.SeriesService series;

    public CampaignClosing(CampaignService campaigns, ReportService reportService, CampaignUnits reports,
                           UnitProcesses processes, cn.duban.series.SeriesService series) {
        this.campaigns = campaigns;
        this.reportService = reportService;
        this.reports = reports;
        this.processes = processes;
        this.series = series;
    }

    /** Refuses, with the reason, a close the section asks for too early. */
    @Transactional(readOnly = true)
    public void checkClosable(String campaignId) {
        campaigns.requireClosable(campaigns.get(campaignId), reportService.allApproved(campaignId));
    }

    public void close(String campaignId) {
        campaigns.close(campaignId, reportService.allApproved(campaignId));
        for (UnitReport u : reports.closeOwing(campaignId)) {
            if (u.processInstanceId() != null) {
                processes.endCollection(u.processInstanceId());
            }
        }
        // a period of a periodic return that carries over: the units that missed it get the previous period's figures
        series.carryOver(campaignId);
    }
}
