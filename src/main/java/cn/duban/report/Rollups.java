package cn.duban.report;

import cn.duban.campaign.Campaign;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reports to whom in a two-level roll-up (a template's {@code rollup}): a unit of the campaign whose parent in
 * the registry is also a unit of the campaign is that intermediate unit's member. The registry is read once, when the
 * campaign enrols its units ({@link #fromRegistry}), and the answer is kept on the campaign's own rows
 * ({@code duban_campaign_unit.reports_to}): a unit moved in the registry later changes no running campaign — not where
 * its report is reviewed, nor who may read it. One definition, read from duban's tables (never from process
 * variables), for the review's routing, for who may read a member's report, and for the intermediate's view of its
 * members.
 */
@Service
@Transactional(readOnly = true)
public class Rollups {

    private final Units units;
    private final ReportRepository reports;

    Rollups(Units units, ReportRepository reports) {
        this.units = units;
        this.reports = reports;
    }

    /**
     * Member → intermediate among these units as the registry has them now: what a campaign that rolls up fixes when
     * it enrols them (empty for one that does not).
     */
    public Map<String, String> fromRegistry(Campaign c, java.util.Collection<String> unitCodes) {
        return fromRegistry(c.template(), unitCodes);
    }

    /** The same for a notice not yet issued (a draft's rehearsal). */
    public Map<String, String> fromRegistry(cn.duban.campaign.CampaignTemplate t, java.util.Collection<String> unitCodes) {
        if (!t.rollsUp() || unitCodes.isEmpty()) {
            return Map.of();
        }
        Set<String> enrolled = Set.copyOf(unitCodes);
        Map<String, String> own = t.rollup().ownHierarchy();
        if (!own.isEmpty()) {
            // the notice routes these units through those, for itself: the registry stays as it is for every other notice
            return own.entrySet().stream().filter(e -> enrolled.contains(e.getKey()) && enrolled.contains(e.getValue()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        return units.findAll(List.copyOf(unitCodes)).values().stream()
                .filter(u -> u.parentCode() != null && enrolled.contains(u.parentCode()))
                .collect(Collectors.toMap(Unit::code, Unit::parentCode));
    }

    /** The intermediate unit this unit reports to in the campaign, or null when it reports to the bureau. */
    public String intermediateOf(Campaign c, String unitCode) {
        if (!c.template().rollsUp()) {
            return null;
        }
        return reports.reportsTo(c.id(), unitCode);
    }

    /**
     * What this unit fills of the notice: in a two-level roll-up, a member its tier's tables and kinds of attachment,
     * an intermediate (or a unit reporting to the bureau directly) the others'; without one, everything.
     */
    public cn.duban.campaign.CampaignTemplate.Part part(Campaign c, String unitCode) {
        var t = c.template();
        return t.partFor(t.rollsUp() && intermediateOf(c, unitCode) != null);
    }

    /** The members reporting to this unit in the campaign, by code (empty unless it is an intermediate). */
    public List<String> membersOf(Campaign c, String unitCode) {
        if (!c.template().rollsUp()) {
            return List.of();
        }
        return reports.membersReportingTo(c.id(), unitCode);
    }

    /** Whether one of these units (a person's) is the intermediate the unit reports to in the campaign. */
    public boolean isIntermediateFor(Campaign c, String unitCode, List<String> personsUnits) {
        String parent = intermediateOf(c, unitCode);
        return parent != null && personsUnits.contains(parent);
    }

    /** Member → intermediate for these units of the campaign (a dashboard page's, a day's owing units), in one query. */
    public Map<String, String> intermediates(Campaign c, java.util.Collection<String> unitCodes) {
        if (!c.template().rollsUp() || unitCodes.isEmpty()) {
            return Map.of();
        }
        return reports.reportsTo(c.id(), unitCodes);
    }
}
