package cn.duban.distribution;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignException;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignStatus;
import cn.duban.report.CampaignUnits;
import cn.duban.report.LateAddition;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 补发: a unit added to the registry while a notice runs is sent it, with its own due date, by the section — the
 * campaign's list of units is fixed when the notice goes out, and this is the one way to add to it. In one
 * transaction: the unit enrolled with its due date, who sent it and why recorded (the audit lists it), its report
 * process started (its 签收 task and the notice's mail, as every unit got them).
 */
@Service
@Transactional
public class LateAdditions {

    /** The longest reason kept, as a withdrawal's. */
    public static final int MAX_REASON = 2000;

    private final CampaignService campaigns;
    private final CampaignUnits campaignUnits;
    private final Units units;
    private final UnitProcesses processes;
    private final cn.duban.report.Rollups rollups;
    private final Clock clock;

    LateAdditions(CampaignService campaigns, CampaignUnits campaignUnits, Units units, UnitProcesses processes,
                  cn.duban.report.Rollups rollups, Clock clock) {
        this.campaigns = campaigns;
        this.campaignUnits = campaignUnits;
        this.units = units;
        this.processes = processes;
        this.rollups = rollups;
        this.clock = clock;
    }

    /** An active unit of the registry the notice has not reached, and whether the notice's 报送对象 pick it. */
    public record Candidate(String code, String name, boolean picked) {}

    /** The units the notice could still be sent: those its 报送对象 pick first, then the registry's other active units. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        var enrolled = campaignUnits.codes(campaignId);
        List<Candidate> out = new ArrayList<>();
        for (Unit u : units.active()) {
            if (!enrolled.contains(u.code())) {
                out.add(new Candidate(u.code(), u.name(), c.template().targets() != null && c.template().targets().picks(u)));
            }
        }
        out.sort(java.util.Comparator.comparing((Candidate x) -> !x.picked()).thenComparing(Candidate::name));
        return out;
    }

    /** Sends the running notice to one more unit, due on its own date; refused in Chinese when it may not be. */
    public LateAddition add(String campaignId, String unitCode, LocalDate due, String reason, String actor) {
        Campaign c = campaigns.lock(campaignId);
        if (c.status() != CampaignStatus.ISSUED) {
            throw new CampaignException("通知当前为“" + c.status().label() + "”，不在征集期内，不能补发");
        }
        Unit unit = units.find(unitCode).filter(Unit::active)
                .orElseThrow(() -> new CampaignException("该单位不在单位名册中或已停用，不能补发"));
        if (campaignUnits.enrolled(campaignId, unitCode)) {
            throw new CampaignException(unit.name() + "已在本通知的报送单位中，无需补发");
        }
        LocalDate today = LocalDate.now(clock);
        if (due == null) {
            throw new CampaignException("请填写补发单位的报送期限");
        }
        if (due.isBefore(today)) {
            throw new CampaignException("补发的报送期限 " + due + " 已过，请填写今天或以后的日期");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new CampaignException("补发原因过长（最多 " + MAX_REASON + " 字）");
        }
        // in a roll-up, a new member reports to its intermediate when that one is in the campaign
        List<String> codes = new ArrayList<>(campaignUnits.codes(campaignId));
        codes.add(unitCode);
        Map<String, String> reportsTo = rollups.fromRegistry(c, codes);
        LateAddition addition = new LateAddition(unitCode, due, why, actor, LocalDateTime.now(clock));
        campaignUnits.enrolLate(campaignId, unitCode, reportsTo.get(unitCode), addition);
        String instance = processes.start(campaignId, unitCode);
        campaignUnits.recordProcesses(campaignId, Map.of(unitCode, instance));
        return addition;
    }

    @Transactional(readOnly = true)
    public List<LateAddition> added(String campaignId) {
        return campaignUnits.lateAdditions(campaignId);
    }
}
