package cn.duban.summary;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.report.Lateness;
import cn.duban.report.ReportFigures;
import cn.duban.report.UnitStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rolls the approved reports up from the reporting queries on duban's own tables (never from process variables). */
@Service
@Transactional(readOnly = true)
public class SummaryService {

    private final CampaignService campaigns;
    private final ReportFigures figures;
    private final Clock clock;

    public SummaryService(CampaignService campaigns, ReportFigures figures, Clock clock) {
        this.campaigns = campaigns;
        this.figures = figures;
        this.clock = clock;
    }

    /** The county totals per indicator over the approved reports, in the template's order: one GROUP BY. */
    public List<CountySummary.Total> totals(Campaign c) {
        Map<String, BigDecimal> sums = figures.approvedTotals(c.id());
        List<CountySummary.Total> totals = new ArrayList<>();
        List<Indicator> indicators = c.template().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            BigDecimal sum = sums.getOrDefault(ind.code(), BigDecimal.ZERO).setScale(ind.effectiveScale(), RoundingMode.HALF_UP);
            totals.add(new CountySummary.Total(i + 1, ind.code(), ind.name(), ind.unit(), sum));
        }
        return totals;
    }

    public CountySummary summarize(String campaignId) {
        Campaign c = campaigns.get(campaignId);
        List<CountySummary.Total> totals = totals(c);
        Map<String, Map<String, BigDecimal>> values = figures.approvedFigures(campaignId);
        LocalDate today = LocalDate.now(clock);
        List<CountySummary.UnitRow> rows = figures.lines(campaignId, c.deadline()).stream().map(l -> {
            LocalDateTime submitted = l.submittedAt();
            int late = Lateness.daysLate(l.status(), l.dueDate(), submitted == null ? null : submitted.toLocalDate(), today);
            return new CountySummary.UnitRow(l.unitCode(), l.unitName(), l.status().name(), l.status().label(),
                    Lateness.isOverdue(l.status(), l.dueDate(), today), submitted, late, l.returnCount(),
                    values.getOrDefault(l.unitCode(), Map.of()));
        }).toList();
        int approved = (int) rows.stream().filter(r -> r.status().equals(UnitStatus.APPROVED.name())).count();
        return new CountySummary(c.id(), c.title(), c.deadline(), totals, rows, approved, rows.size());
    }
}
