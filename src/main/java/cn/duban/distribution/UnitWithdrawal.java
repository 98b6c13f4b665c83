package cn.duban.distribution;

import cn.duban.report.ReportService;
import cn.duban.report.UnitReport;
import cn.duban.report.Withdrawal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit withdrawn from a running campaign, in one transaction: the section's decision recorded with its reason
 * ({@link ReportService#withdraw}), the unit's work ended through its model, and the campaign moved on if it waited
 * for nobody else. The only way a unit leaves a campaign early: nobody deletes its process by hand.
 */
@Service
@Transactional
public class UnitWithdrawal {

    private final ReportService reports;
    private final UnitProcesses processes;

    UnitWithdrawal(ReportService reports, UnitProcesses processes) {
        this.reports = reports;
        this.processes = processes;
    }

    public Withdrawal withdraw(String campaignId, String unitCode, String reason, String actor) {
        UnitReport before = reports.withdraw(campaignId, unitCode, reason, actor);
        processes.withdrawn(campaignId, before.processInstanceId());
        return reports.withdrawal(campaignId, unitCode).orElseThrow();
    }
}
