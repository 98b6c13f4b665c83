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
 * the registry is also a unit of the campaign is that intermediate unit's member. One definition, read from duban's
 * tables (never from process variables), for the review's routing, for who may read a member's report, and for the
 * intermediate's view of its members.
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

    /** The intermediate unit this unit reports to in the campaign, or null when it reports to the bureau. */
    public String intermediateOf(Campaign c, String unitCode) {
        if (!c.template().rollsUp()) {
            return null;
        }
        String parent = units.find(unitCode).map(Unit::parentCode).orElse(null);
        return parent != null && reports.findUnit(c.id(), parent).isPresent() ? parent : null;
    }

    /**
     * The members reporting to this unit in the campaign, by code (empty unless it is an intermediate): its children in
     * the registry that the campaign reached — a query on its children, not a read of the campaign's every unit.
     */
    public List<String> membersOf(Campaign c, String unitCode) {
        if (!c.template().rollsUp()) {
            return List.of();
        }
        return units.allChildren(unitCode).stream().map(Unit::code)
                .filter(code -> reports.findUnit(c.id(), code).isPresent()).sorted().toList();
    }

    /** Whether one of these units (a person's) is the intermediate the unit reports to in the campaign. */
    public boolean isIntermediateFor(Campaign c, String unitCode, List<String> personsUnits) {
        String parent = intermediateOf(c, unitCode);
        return parent != null && personsUnits.contains(parent);
    }

    /**
     * Member → intermediate for these units of the campaign (a dashboard page's, a day's owing units): their registry
     * rows in one query, then whether each distinct parent is in the campaign.
     */
    public Map<String, String> intermediates(Campaign c, java.util.Collection<String> unitCodes) {
        if (!c.template().rollsUp() || unitCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, Unit> rows = units.findAll(List.copyOf(unitCodes));
        Set<String> parentsInCampaign = rows.values().stream().map(Unit::parentCode).filter(java.util.Objects::nonNull).distinct()
                .filter(p -> reports.findUnit(c.id(), p).isPresent()).collect(Collectors.toSet());
        return rows.values().stream().filter(u -> u.parentCode() != null && parentsInCampaign.contains(u.parentCode()))
                .collect(Collectors.toMap(Unit::code, Unit::parentCode));
    }
}
