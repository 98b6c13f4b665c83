package cn.duban.report;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.identity.People;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 已办: what a person has handed in and what they have reviewed, so that a submission can be found again (issue #16).
 * A unit's people see every version their unit handed in, with its status and the review; a reviewer (or a unit's
 * head) every version they decided on. Names and Chinese statuses only.
 */
@Service
@Transactional(readOnly = true)
public class DoneWork {

    /** The most a list holds: a year of a county's notices for one unit, many times over. */
    public static final int LIMIT = 200;

    private final ReportRepository reports;
    private final CampaignService campaigns;
    private final Units units;
    private final People people;

    DoneWork(ReportRepository reports, CampaignService campaigns, Units units, People people) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.units = units;
        this.people = people;
    }

    /** One handed-in version as the list shows it. */
    public record Entry(String campaignId, String noticeTitle, String unitCode, String unitName, int version,
                        String status, String statusLabel, LocalDateTime submittedAt, String submittedByName,
                        LocalDateTime reviewedAt, String reviewedByName, String reviewComment) {}

    public record Lists(List<Entry> handedIn, List<Entry> reviewed) {}

    /** The person's 已办: what their units handed in, and what they reviewed. */
    public Lists of(String user, List<String> unitCodes) {
        List<ReportRepository.DoneRow> handed = reports.handedInBy(unitCodes, LIMIT);
        List<ReportRepository.DoneRow> reviewed = reports.reviewedBy(user, LIMIT);
        List<ReportRepository.DoneRow> all = Stream.concat(handed.stream(), reviewed.stream()).toList();
        Map<String, String> titles = new HashMap<>();
        all.stream().map(ReportRepository.DoneRow::campaignId).distinct()
                .forEach(id -> titles.put(id, campaigns.find(id).map(Campaign::title).orElse("")));
        Map<String, Unit> unitRows = units.findAll(all.stream().map(ReportRepository.DoneRow::unitCode).distinct().toList());
        Map<String, String> names = people.names(all.stream().flatMap(r -> Stream.of(r.submittedBy(), r.reviewedBy()))
                .filter(Objects::nonNull).distinct().toList());
        return new Lists(entries(handed, titles, unitRows, names), entries(reviewed, titles, unitRows, names));
    }

    private static List<Entry> entries(List<ReportRepository.DoneRow> rows, Map<String, String> titles, Map<String, Unit> unitRows,
                                       Map<String, String> names) {
        List<Entry> out = new ArrayList<>(rows.size());
        for (ReportRepository.DoneRow r : rows) {
            Unit u = unitRows.get(r.unitCode());
            out.add(new Entry(r.campaignId(), titles.get(r.campaignId()), r.unitCode(), u == null ? "" : u.name(), r.version(),
                    r.status().name(), r.status().label(), r.submittedAt(), names.getOrDefault(r.submittedBy(), ""),
                    r.reviewedAt(), r.reviewedBy() == null ? "" : names.getOrDefault(r.reviewedBy(), ""), r.reviewComment()));
        }
        return out;
    }
}
