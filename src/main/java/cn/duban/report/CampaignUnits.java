package cn.duban.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's own list of units (its rows of {@code duban_campaign_unit}), as distribution and closing change it:
 * written once when the notice goes out, so later changes in the registry change no running campaign.
 */
@Service
@Transactional
public class CampaignUnits {

    private final ReportRepository reports;

    CampaignUnits(ReportRepository reports) {
        this.reports = reports;
    }

    /**
     * Enrols these units with the campaign's due date, numbered into distribution batches of the given size, each
     * with the intermediate it reports to in a roll-up (member → intermediate, {@link Rollups#fromRegistry}), kept
     * for the campaign's whole life.
     */
    public void enrol(String campaignId, List<String> unitCodes, Map<String, String> reportsTo, LocalDate dueDate, int batchSize) {
        reports.insertUnits(campaignId, unitCodes, reportsTo, dueDate, batchSize);
    }

    /**
     * Enrols one more unit in a running campaign (补发), with its own due date, and records who sent it and why (the
     * audit lists it); its report process is started by the caller.
     */
    public void enrolLate(String campaignId, String unitCode, String reportsTo, LateAddition addition) {
        reports.insertUnits(campaignId, List.of(unitCode), reportsTo == null ? Map.of() : Map.of(unitCode, reportsTo),
                addition.dueDate(), 1);
        reports.insertLateAddition(campaignId, addition);
    }

    /** Whether the unit is one of the campaign's. */
    @Transactional(readOnly = true)
    public boolean enrolled(String campaignId, String unitCode) {
        return reports.enrolled(campaignId, unitCode);
    }

    /** The campaign's units, by code. */
    @Transactional(readOnly = true)
    public java.util.Set<String> codes(String campaignId) {
        return reports.enrolledCodes(campaignId);
    }

    /** The units sent the notice after it went out, oldest first. */
    @Transactional(readOnly = true)
    public List<LateAddition> lateAdditions(String campaignId) {
        return reports.lateAdditions(campaignId);
    }

    /** Gives these units (a roll-up's members) their own, earlier due date. */
    public void dueEarlier(String campaignId, List<String> unitCodes, LocalDate dueDate) {
        reports.setDueDates(campaignId, unitCodes, dueDate);
    }

    @Transactional(readOnly = true)
    public int count(String campaignId) {
        return reports.countUnits(campaignId);
    }

    /** The units of one batch that have no process yet. */
    @Transactional(readOnly = true)
    public List<UnitReport> undistributedInBatch(String campaignId, int batchNo) {
        return reports.undistributedInBatch(campaignId, batchNo);
    }

    /** Records each unit's process instance, in one JDBC batch. */
    public void recordProcesses(String campaignId, Map<String, String> instanceByUnit) {
        reports.setProcessInstances(campaignId, instanceByUnit);
    }

    /** Marks every unit that still owes its report as closed with the campaign, and returns those units. */
    public List<UnitReport> closeOwing(String campaignId) {
        List<UnitReport> owing = reports.owing(campaignId);
        owing.forEach(u -> reports.updateUnitStatus(campaignId, u.unitCode(), UnitStatus.CLOSED));
        return owing;
    }
}
