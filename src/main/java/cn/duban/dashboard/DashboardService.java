package cn.duban.dashboard;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.dashboard.DashboardRules.Bucket;
import cn.duban.dashboard.DashboardRules.Urgency;
import cn.duban.mail.Outbox;
import cn.duban.report.ReportFigures;
import cn.duban.report.ReportFigures.StatusGroup;
import cn.duban.report.ReportFigures.UnitLine;
import cn.duban.summary.SummaryService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures from the reporting queries ({@link ReportFigures}), each one query whatever the number of
 * units: the bucket counts from one GROUP BY over (status, due date), the totals from one GROUP BY over the approved
 * figures, and one page of units at a time.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /**
     * The mails that count as reminders on the dashboard (催办 included): one per reminder (not per recipient),
     * counted once issued (queued or sent, not given up on); the outbox's own page shows delivery.
     */
    static final List<String> REMINDER_KINDS = cn.duban.mail.MailKind.PRESSING.stream().map(Enum::name).toList();
    public static final int MAX_PAGE_SIZE = 200;

    private final cn.duban.office.Offices offices;
    private final CampaignService campaigns;
    private final SummaryService summaries;
    private final ReportFigures figures;
    private final cn.duban.series.SeriesService series;
    private final Outbox outbox;
    private final Clock clock;
    private final DashboardRules rules;

    private final cn.duban.report.Rollups rollups;
    private final cn.duban.unit.Units registry;

    public DashboardService(CampaignService campaigns, SummaryService summaries, ReportFigures figures, Outbox outbox, Clock clock,
                            DubanProperties settings, cn.duban.report.Rollups rollups, cn.duban.unit.Units registry,
                            cn.duban.series.SeriesService series, cn.duban.office.Offices offices) {
        this.series = series;
        this.offices = offices;
        this.rollups = rollups;
        this.registry = registry;
        int nearDays = settings.dashboard().nearDays();
        int veryLateDays = settings.dashboard().veryLateDays();
        this.campaigns = campaigns;
        this.summaries = summaries;
        this.figures = figures;
        this.outbox = outbox;
        this.clock = clock;
        this.rules = new DashboardRules(nearDays, veryLateDays);
    }

    public record Count(String bucket, String label, int count) {}

    /**
     * One campaign on the list. {@code series}: for a periodic return, itself (with its periods and how many are
     * open); for one of its periods, the series it belongs to and the period's name; null for a single notice.
     */
    public record CampaignCard(String id, String title, String status, String statusLabel, LocalDate deadline,
                               LocalDateTime issuedAt, int units, List<Count> counts, String processInstanceId,
                               cn.duban.series.SeriesService.Place series, String officeName) {}

    public record UnitRow(String unitCode, String unitName, String status, String statusLabel, String bucket,
                          String bucketLabel, LocalDate dueDate, LocalDateTime submittedAt, int daysLate, int returnCount,
                          int reminders, String urgency, String urgencyLabel, String processInstanceId, String reportsTo) {

        /** The shade of the unit's row, the colour its 督办单 is printed in (DashboardRules.Urgency), or null. */
        @com.fasterxml.jackson.annotation.JsonProperty
        public String urgencyTint() {
            return urgency == null ? null : Urgency.valueOf(urgency).tint();
        }

        /** Whether the unit's people still owe the report (a returned one too): the board offers 催办. */
        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean owesReport() {
            return cn.duban.report.UnitStatus.valueOf(status).owesReport();
        }
    }

    public record Page(List<UnitRow> rows, int page, int size, int total) {}

    /** A total as the page shows it: the amount as text, so 万元 keeps its two decimals. */
    public record Total(int no, String code, String name, String unit, String amount) {}

    public record Board(CampaignCard campaign, List<Total> totals, Page units, LocalDate today) {

        /** The legend of the rows' shades: each urgency with its label and tint (the 督办单's colours, lighter). */
        @com.fasterxml.jackson.annotation.JsonProperty
        public List<Map<String, String>> urgencies() {
            return java.util.Arrays.stream(Urgency.values())
                    .map(u -> Map.of("urgency", u.name(), "label", u.label(), "tint", u.tint())).toList();
        }
    }

    /** Every campaign, newest first, with its units counted by bucket: one GROUP BY for all of them. */
    /** The campaigns of the offices shown (every office's for the bureau's leaders and operators), newest first. */
    public List<CampaignCard> campaigns(java.util.function.Predicate<String> officeShown) {
        Map<String, List<StatusGroup>> groups = figures.groups(null);
        Map<String, cn.duban.series.SeriesService.Place> places = series.places();
        return campaigns.all().stream().filter(c -> officeShown.test(c.officeCode()))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .map(c -> card(c, groups.getOrDefault(c.id(), List.of()), places.get(c.id()))).toList();
    }

    /** One campaign: counts, totals so far, and one page of units (optionally one bucket only). */
    public Board board(String campaignId, Bucket only, int page, int size) {
        Campaign c = campaigns.get(campaignId);
        CampaignCard card = card(c, figures.groups(campaignId).getOrDefault(campaignId, List.of()),
                series.periodOf(campaignId).orElse(null));
        int total = only == null ? card.units()
                : card.counts().stream().filter(x -> x.bucket().equals(only.name())).mapToInt(Count::count).sum();
        List<Total> totals = summaries.totals(c).stream()
                .map(t -> new Total(t.no(), t.code(), t.name(), t.unit(), t.amount().toPlainString())).toList();
        return new Board(card, totals, units(c, only, page, size, total), LocalDate.now(clock));
    }

    /** The rule of {@link DashboardRules#bucket} applied to each group (a unit without its own due date has the campaign's). */
    private CampaignCard card(Campaign c, List<StatusGroup> groups, cn.duban.series.SeriesService.Place place) {
        LocalDate today = LocalDate.now(clock);
        Map<Bucket, Integer> counts = new EnumMap<>(Bucket.class);
        Arrays.stream(Bucket.values()).forEach(b -> counts.put(b, 0));
        for (StatusGroup g : groups) {
            counts.merge(rules.bucket(g.status(), g.dueDate() != null ? g.dueDate() : c.deadline(), today), g.count(), Integer::sum);
        }
        // 已撤销 is shown only where the section withdrew a unit (most campaigns never do)
        List<Count> list = counts.entrySet().stream().filter(e -> e.getKey() != Bucket.WITHDRAWN || e.getValue() > 0)
                .map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
        int units = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new CampaignCard(c.id(), c.title(), c.status().name(), c.status().label(), c.deadline(), c.issuedAt(), units,
                list, c.processInstanceId(), place, offices.nameOf(c.officeCode()));
    }

    /**
     * One page of units, optionally of one bucket: the bucket as the reporting query's filter (its statuses, and
     * overdue or not, {@link DashboardRules#bucket}'s rule), then the page's reminders in one more query.
     */
    private Page units(Campaign c, Bucket only, int page, int size, int total) {
        LocalDate today = LocalDate.now(clock);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, page);
        List<UnitLine> lines = only == null
                ? figures.page(c.id(), c.deadline(), null, null, today, pageSize, (long) pageNo * pageSize)
                : only == Bucket.OVERDUE
                ? figures.page(c.id(), c.deadline(), null, true, today, pageSize, (long) pageNo * pageSize)
                : figures.page(c.id(), c.deadline(), only.statuses(), false, today, pageSize, (long) pageNo * pageSize);
        Map<String, Integer> reminders = outbox.remindersPerUnit(c.id(), lines.stream().map(UnitLine::unitCode).toList(),
                REMINDER_KINDS);
        // a roll-up: the intermediate unit each member reports to, by name (the second level)
        Map<String, String> parents = rollups.intermediates(c, lines.stream().map(UnitLine::unitCode).toList());
        Map<String, cn.duban.unit.Unit> parentRows = registry.findAll(parents.values().stream().distinct().toList());
        List<UnitRow> rows = lines.stream().map(l -> {
            Bucket bucket = rules.bucket(l.status(), l.dueDate(), today);
            Urgency urgency = rules.urgency(l.status(), l.dueDate(), today);
            LocalDateTime submitted = l.submittedAt();
            int late = l.daysLate(today);
            return new UnitRow(l.unitCode(), l.unitName(), l.status().name(), l.statusLabel(), bucket.name(), bucket.label(),
                    l.dueDate(), submitted, late, l.returnCount(), reminders.getOrDefault(l.unitCode(), 0),
                    urgency == null ? null : urgency.name(), urgency == null ? null : urgency.label(), l.processInstanceId(),
                    parents.containsKey(l.unitCode()) && parentRows.containsKey(parents.get(l.unitCode()))
                            ? parentRows.get(parents.get(l.unitCode())).name() : null);
        }).toList();
        return new Page(rows, pageNo, pageSize, total);
    }

    /**
     * The units to press (督办单): near their due date, late or very late, the most urgent first, then those that have not
     * even signed for the notice, each with its own due date and days late — every unit of the campaign, read a page
     * at a time.
     */
    public List<UnitRow> urgent(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        List<UnitRow> all = new java.util.ArrayList<>();
        for (int p = 0; ; p++) {
            Page page = units(c, null, p, MAX_PAGE_SIZE, 0);
            all.addAll(page.rows());
            if (page.rows().size() < MAX_PAGE_SIZE) {
                break;
            }
        }
        return all.stream().filter(r -> r.urgency() != null || r.status().equals(cn.duban.report.UnitStatus.NOT_SIGNED.name()))
                .sorted(java.util.Comparator.comparing((UnitRow r) -> r.urgency() == null ? -1 : Urgency.valueOf(r.urgency()).ordinal()).reversed()
                        .thenComparing(UnitRow::daysLate, java.util.Comparator.reverseOrder()).thenComparing(UnitRow::unitCode))
                .toList();
    }

    /** Bucket names for the API, in chart order. */
    public static Map<String, String> bucketLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Bucket b : Bucket.values()) {
            m.put(b.name(), b.label());
        }
        return m;
    }
}
