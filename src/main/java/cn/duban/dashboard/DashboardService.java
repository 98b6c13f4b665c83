package cn.duban.dashboard;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.dashboard.DashboardRules.Bucket;
import cn.duban.dashboard.DashboardRules.Urgency;
import cn.duban.mail.Outbox;
import cn.duban.report.Lateness;
import cn.duban.report.UnitStatus;
import cn.duban.summary.SummaryService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, each one query on duban's tables whatever the number of units: the bucket counts
 * from one GROUP BY over (status, due date), the totals from one GROUP BY over the approved figures, and one
 * page of units at a time.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /**
     * The mails that count as reminders on the dashboard (催办 included): one per reminder (not per recipient),
     * counted once issued (queued or sent, not given up on); the outbox's own page shows delivery.
     */
    static final List<String> REMINDER_KINDS = List.of("REMINDER", "LAST_REMINDER", "OVERDUE", "URGE");
    public static final int MAX_PAGE_SIZE = 200;

    private final CampaignService campaigns;
    private final SummaryService summaries;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DashboardRules rules;

    public DashboardService(CampaignService campaigns, SummaryService summaries, JdbcClient jdbc, Clock clock,
                            DubanProperties settings) {
        int nearDays = settings.dashboard().nearDays();
        int veryLateDays = settings.dashboard().veryLateDays();
        this.campaigns = campaigns;
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = new DashboardRules(nearDays, veryLateDays);
    }

    public record Count(String bucket, String label, int count) {}

    public record CampaignCard(String id, String title, String status, String statusLabel, LocalDate deadline,
                               LocalDateTime issuedAt, int units, List<Count> counts, String processInstanceId) {}

    public record UnitRow(String unitCode, String unitName, String status, String statusLabel, String bucket,
                          String bucketLabel, LocalDate dueDate, LocalDateTime submittedAt, int daysLate, int returnCount,
                          int reminders, String urgency, String urgencyLabel, String processInstanceId) {}

    public record Page(List<UnitRow> rows, int page, int size, int total) {}

    /** A total as the page shows it: the amount as text, so 万元 keeps its two decimals. */
    public record Total(int no, String code, String name, String unit, String amount) {}

    public record Board(CampaignCard campaign, List<Total> totals, Page units, LocalDate today) {}

    /** Every campaign, newest first, with its units counted by bucket: one GROUP BY for all of them. */
    public List<CampaignCard> campaigns() {
        Map<String, List<Group>> groups = groups(null);
        return campaigns.all().stream()
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .map(c -> card(c, groups.getOrDefault(c.id(), List.of()))).toList();
    }

    /** One campaign: counts, totals so far, and one page of units (optionally one bucket only). */
    public Board board(String campaignId, Bucket only, int page, int size) {
        Campaign c = campaigns.get(campaignId);
        CampaignCard card = card(c, groups(campaignId).getOrDefault(campaignId, List.of()));
        int total = only == null ? card.units()
                : card.counts().stream().filter(x -> x.bucket().equals(only.name())).mapToInt(Count::count).sum();
        List<Total> totals = summaries.totals(c).stream()
                .map(t -> new Total(t.no(), t.code(), t.name(), t.unit(), t.amount().toPlainString())).toList();
        return new Board(card, totals, units(c, only, page, size, total), LocalDate.now(clock));
    }

    /** Units of a campaign with the same status and due date: few groups however many units. */
    private record Group(UnitStatus status, LocalDate due, int count) {}

    /** The groups of one campaign, or of every campaign when campaignId is null, by campaign. */
    private Map<String, List<Group>> groups(String campaignId) {
        Map<String, List<Group>> out = new HashMap<>();
        var sql = jdbc.sql("SELECT campaign_id, status, due_date, COUNT(*) FROM duban_campaign_unit"
                + (campaignId == null ? "" : " WHERE campaign_id = ?") + " GROUP BY campaign_id, status, due_date");
        (campaignId == null ? sql : sql.param(campaignId)).query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Group(UnitStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getInt(4)))).list();
        return out;
    }

    /** The rule of {@link DashboardRules#bucket} applied to each group (a unit without its own due date has the campaign's). */
    private CampaignCard card(Campaign c, List<Group> groups) {
        LocalDate today = LocalDate.now(clock);
        Map<Bucket, Integer> counts = new EnumMap<>(Bucket.class);
        Arrays.stream(Bucket.values()).forEach(b -> counts.put(b, 0));
        for (Group g : groups) {
            counts.merge(rules.bucket(g.status(), g.due() != null ? g.due() : c.deadline(), today), g.count(), Integer::sum);
        }
        List<Count> list = counts.entrySet().stream().map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
        int units = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new CampaignCard(c.id(), c.title(), c.status().name(), c.status().label(), c.deadline(), c.issuedAt(), units,
                list, c.processInstanceId());
    }

    private Page units(Campaign c, Bucket only, int page, int size, int total) {
        LocalDate today = LocalDate.now(clock);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, page);
        List<Object> params = new ArrayList<>(Arrays.asList(c.deadline(), c.id()));
        String filter = "";
        if (only != null) {
            filter = " AND " + bucketPredicate(only);
            params.add(c.deadline());
            params.add(today);
        }
        String kinds = REMINDER_KINDS.stream().map(k -> "'" + k + "'").collect(Collectors.joining(","));
        params.add(pageSize);
        params.add((long) pageNo * pageSize);
        // walks the primary key (campaign_id, unit_code) in order and stops after one page
        List<UnitRow> rows = jdbc.sql("""
                SELECT cu.unit_code, u.name, cu.status, COALESCE(cu.due_date, ?) AS due, cu.last_submitted_at, cu.return_count,
                       cu.process_instance_id,
                       (SELECT COUNT(DISTINCT o.kind || '|' || CAST(o.due_date AS VARCHAR(10))) FROM duban_outbox o
                         WHERE o.campaign_id = cu.campaign_id AND o.unit_code = cu.unit_code
                           AND o.status <> '%s' AND o.kind IN (%s)) AS reminders
                FROM duban_campaign_unit cu
                JOIN duban_unit u ON u.code = cu.unit_code
                WHERE cu.campaign_id = ?%s
                ORDER BY cu.unit_code
                LIMIT ? OFFSET ?""".formatted(Outbox.FAILED, kinds, filter))
                .params(params)
                .query((rs, i) -> {
                    UnitStatus status = UnitStatus.valueOf(rs.getString(3));
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    LocalDateTime submitted = rs.getObject(5, LocalDateTime.class);
                    Bucket bucket = rules.bucket(status, due, today);
                    Urgency urgency = rules.urgency(status, due, today);
                    int late = Lateness.daysLate(status, due, submitted == null ? null : submitted.toLocalDate(), today);
                    return new UnitRow(rs.getString(1), rs.getString(2), status.name(), status.label(), bucket.name(),
                            bucket.label(), due, submitted, late, rs.getInt(6), rs.getInt(8),
                            urgency == null ? null : urgency.name(), urgency == null ? null : urgency.label(), rs.getString(7));
                }).list();
        return new Page(rows, pageNo, pageSize, total);
    }

    /**
     * The SQL form of {@link DashboardRules#bucket}, and so of {@link Lateness#isOverdue}, for one bucket (DashboardIT
     * checks both agree); two
     * parameters: the campaign's deadline (for units without their own due date), then today.
     */
    static String bucketPredicate(Bucket b) {
        String owes = Arrays.stream(UnitStatus.values()).filter(UnitStatus::owedToSection).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(","));
        String overdue = "(cu.status = 'CLOSED' OR (cu.status IN (" + owes + ") AND COALESCE(cu.due_date, ?) < ?))";
        if (b == Bucket.OVERDUE) {
            return overdue;
        }
        String in = b.statuses().stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return "cu.status IN (" + in + ") AND NOT " + overdue;
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
