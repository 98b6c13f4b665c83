package cn.duban.summary;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.report.Lateness;
import cn.duban.report.UnitStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rolls the approved reports up in SQL on duban's own tables (never from process variables). */
@Service
@Transactional(readOnly = true)
public class SummaryService {

    private final CampaignService campaigns;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SummaryService(CampaignService campaigns, JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The county totals per indicator over the approved reports, in the template's order: one GROUP BY. */
    public List<CountySummary.Total> totals(Campaign c) {
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("""
                SELECT v.indicator_code, SUM(v.amount) FROM duban_report_value v
                JOIN duban_report r ON r.id = v.report_id
                WHERE r.campaign_id = ? AND r.status = 'APPROVED'
                GROUP BY v.indicator_code""")
                .param(c.id())
                .query((rs, i) -> sums.put(rs.getString(1), rs.getBigDecimal(2))).list();
        List<CountySummary.Total> totals = new ArrayList<>();
        List<Indicator> indicators = c.template().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            BigDecimal sum = sums.getOrDefault(ind.code(), BigDecimal.ZERO).setScale(ind.effectiveScale(), java.math.RoundingMode.HALF_UP);
            totals.add(new CountySummary.Total(i + 1, ind.code(), ind.name(), ind.unit(), sum));
        }
        return totals;
    }

    public CountySummary summarize(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        List<CountySummary.Total> totals = totals(c);
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        jdbc.sql("""
                SELECT r.unit_code, v.indicator_code, v.amount FROM duban_report_value v
                JOIN duban_report r ON r.id = v.report_id
                WHERE r.campaign_id = ? AND r.status = 'APPROVED'""")
                .param(campaignId)
                .query((rs, i) -> values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3))).list();
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = c.deadline();
        List<CountySummary.UnitRow> rows = jdbc.sql("""
                SELECT cu.unit_code, u.name, cu.status, cu.last_submitted_at, cu.return_count, cu.due_date
                FROM duban_campaign_unit cu JOIN duban_unit u ON u.code = cu.unit_code
                WHERE cu.campaign_id = ? ORDER BY cu.unit_code""")
                .param(campaignId)
                .query((rs, i) -> {
                    UnitStatus status = UnitStatus.valueOf(rs.getString(3));
                    LocalDateTime submitted = rs.getObject(4, LocalDateTime.class);
                    LocalDate due = rs.getObject(6, LocalDate.class) != null ? rs.getObject(6, LocalDate.class) : deadline;
                    int late = Lateness.daysLate(status, due, submitted == null ? null : submitted.toLocalDate(), today);
                    return new CountySummary.UnitRow(rs.getString(1), rs.getString(2), status.name(), status.label(),
                            Lateness.isOverdue(status, due, today), submitted, late, rs.getInt(5),
                            values.getOrDefault(rs.getString(1), Map.of()));
                }).list();
        int approved = (int) rows.stream().filter(r -> r.status().equals(UnitStatus.APPROVED.name())).count();
        return new CountySummary(c.id(), c.title(), deadline, totals, rows, approved, rows.size());
    }
}
