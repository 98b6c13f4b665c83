package cn.duban.distribution;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignException;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.report.CampaignUnits;
import cn.duban.report.UnitReport;
import cn.duban.support.BatchReads;
import cn.duban.unit.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class DistributionService {

    private final CampaignService campaigns;
    private final Units units;
    private final CampaignUnits reports;
    private final UnitProcesses processes;
    private final int batchSize;

    private final cn.duban.calendar.WorkCalendar calendar;
    private final cn.duban.report.Rollups rollups;

    public DistributionService(CampaignService campaigns, Units units, CampaignUnits reports, UnitProcesses processes,
                               DubanProperties settings, cn.duban.calendar.WorkCalendar calendar, cn.duban.report.Rollups rollups) {
        this.calendar = calendar;
        this.rollups = rollups;
        int batchSize = settings.distribution().batchSize();
        this.campaigns = campaigns;
        this.units = units;
        this.reports = reports;
        this.processes = processes;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * Writes one row per target unit (once; a retry finds them) and returns the batch numbers to
     * distribute, one async job each.
     */
    public List<Integer> planBatches(String campaignId) {
        Campaign c = issued(campaignId);
        int existing = reports.count(campaignId);
        int total = existing;
        if (existing == 0) {
            List<String> codes = new ArrayList<>(c.template().targets() == null ? java.util.Set.of() : c.template().targets().activeCodes(units));
            // a roll-up's members (Rollups' one definition, fixed now for the campaign's life) report to their intermediate unit
            Map<String, String> reportsTo = rollups.fromRegistry(c, codes);
            reports.enrol(campaignId, codes, reportsTo, c.deadline(), batchSize);
            total = codes.size();
            if (c.template().rollsUp() && c.deadline() != null) {
                // ... working days before its deadline
                List<String> members = reportsTo.keySet().stream().sorted().toList();
                if (!members.isEmpty()) {
                    // a day of their own where the notice gives one (never after the notice's own deadline), else working days before
                    java.time.LocalDate due = c.template().rollup().membersDueFor(c.deadline(), calendar::workingDaysBefore);
                    reports.dueEarlier(campaignId, members, due);
                }
            }
        }
        int batches = (total + batchSize - 1) / batchSize;
        return new ArrayList<>(IntStream.range(0, batches).boxed().toList());
    }

    /**
     * Starts the unit-report process of every unit of one batch that has none yet. One job, one
     * transaction: a crash rolls the whole batch back and the retry starts it again, so no unit is
     * lost or started twice. The campaign, the batch's unit rows and the units' registry rows are read
     * once for the whole batch into a {@link BatchReads} scope, where the expressions and listeners of each
     * new instance find them; the instances are recorded on the unit rows in one JDBC batch at the end.
     */
    public int distributeBatch(String campaignId, int batchNo) {
        try (BatchReads scope = BatchReads.open()) {
            issued(campaignId);
            List<UnitReport> todo = reports.undistributedInBatch(campaignId, batchNo);
            units.preload(todo.stream().map(UnitReport::unitCode).toList());
            Map<String, String> started = new LinkedHashMap<>();
            for (UnitReport u : todo) {
                started.put(u.unitCode(), processes.start(campaignId, u.unitCode()));
            }
            // the same transaction: a batch cut off anywhere commits no instance and no reference to one
            reports.recordProcesses(campaignId, started);
            return todo.size();
        }
    }

    /**
     * Nothing goes to a unit before the notice is issued: a step reached any other way (a start at a later
     * activity, a restarted instance) is refused here, whoever asked for it.
     */
    private Campaign issued(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        if (c.status() != CampaignStatus.ISSUED) {
            throw new CampaignException("通知尚未印发（当前状态为“" + c.status().label() + "”），不能下发给各单位");
        }
        return c;
    }
}
