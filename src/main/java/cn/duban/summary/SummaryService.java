package cn.duban.summary;

import cn.duban.campaign.Campaign;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate.Indicator;
import cn.duban.campaign.CampaignTemplate.Column;
import cn.duban.report.ReportFigures;
import cn.duban.report.ReportService;
import cn.duban.report.TableFigures;
import cn.duban.report.TableGrid;
import java.util.HashSet;
import java.util.Set;
import cn.duban.report.UnitStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
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

    private final ReportService reports;
    private final cn.duban.report.Rollups rollups;

    public SummaryService(CampaignService campaigns, ReportFigures figures, ReportService reports, Clock clock,
                          cn.duban.report.Rollups rollups) {
        this.rollups = rollups;
        this.campaigns = campaigns;
        this.figures = figures;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * The county totals per indicator over the approved reports, in the template's order: one GROUP BY. With a table
     * of columns, one total per number column: the sum of every approved unit's total of it ({@code report.TableFigures#totals},
     * stored with each version whether or not the table shows its 合计 row). Every view and export prints these.
     */
    public List<CountySummary.Total> totals(Campaign c) {
        return totals(c, figures.approvedTotals(c.id()));
    }

    private List<CountySummary.Total> totals(Campaign c, Map<String, BigDecimal> sums) {
        List<CountySummary.Total> totals = new ArrayList<>();
        if (!c.template().allTables().isEmpty()) {
            // each table's number columns in the order of the notice's attachments, named as 各单位明细 names them
            List<cn.duban.report.FigureColumn> named = cn.duban.report.FigureColumn.of(c.template());
            int at = 0;
            for (var table : c.template().allTables()) {
                for (Column col : table.numericColumns()) {
                    BigDecimal sum = sums.getOrDefault(table.cellPrefix() + TableFigures.cell(TableFigures.TOTAL, col.code()), BigDecimal.ZERO)
                            .setScale(TableFigures.scale(col, table), RoundingMode.HALF_UP);
                    totals.add(new CountySummary.Total(at + 1, table.cellPrefix() + col.code(), named.get(at).name(),
                            col.unit() == null ? "" : col.unit(), sum));
                    at++;
                }
            }
            return totals;
        }
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
        Map<String, BigDecimal> sums = figures.approvedTotals(campaignId);
        List<CountySummary.Total> totals = totals(c, sums);
        Map<String, Map<String, BigDecimal>> values = figures.approvedFigures(campaignId);
        LocalDate today = LocalDate.now(clock);
        List<CountySummary.UnitRow> rows = figures.lines(campaignId, c.deadline()).stream().map(l -> new CountySummary.UnitRow(
                l.unitCode(), l.unitName(), l.status().name(), l.statusLabel(), l.overdue(today), l.submittedAt(), l.daysLate(today),
                l.returnCount(), values.getOrDefault(l.unitCode(), Map.of()), l.carried(), l.zero())).toList();
        int approved = (int) rows.stream().filter(r -> r.status().equals(UnitStatus.APPROVED.name())).count();
        List<CountySummary.Sheet> sheets = new ArrayList<>();
        if (!c.template().allTables().isEmpty()) {
            Map<String, Map<String, String>> texts = figures.approvedTexts(campaignId);
            List<CountySummary.UnitRow> all = rows.stream().filter(u -> u.carried() || u.status().equals(UnitStatus.APPROVED.name())).toList();
            // in a two-level roll-up a table may be one tier's: its sheet lists the units that fill it
            Set<String> members = c.template().rollsUp()
                    ? rollups.intermediates(c, all.stream().map(CountySummary.UnitRow::unitCode).toList()).keySet() : Set.of();
            for (var t : c.template().allTables()) {
                List<CountySummary.UnitRow> reported = all.stream().filter(u -> t.filledBy(members.contains(u.unitCode()))).toList();
                Map<String, Set<String>> cells = new java.util.LinkedHashMap<>();
                for (CountySummary.UnitRow u : reported) {
                    Set<String> filled = new HashSet<>(u.values().keySet());
                    filled.addAll(texts.getOrDefault(u.unitCode(), Map.of()).keySet());
                    cells.put(u.unitCode(), cn.duban.report.TableSet.namesOf(t, filled));
                }
                // every reported unit's rows, their sub-units read in one query
                Map<String, List<cn.duban.report.TableFigures.Line>> lines = reports.linesOf(c, t, cells);
                List<TableGrid.UnitRows> unitRows = reported.stream().map(u -> new TableGrid.UnitRows(u.unitName(), lines.get(u.unitCode()),
                        cn.duban.report.TableSet.cellsOf(t, u.values()),
                        cn.duban.report.TableSet.cellsOf(t, texts.getOrDefault(u.unitCode(), Map.of())))).toList();
                // both tables close (where the table shows a 合计 row) with the county's totals, those of totals() above
                Map<String, BigDecimal> own = cn.duban.report.TableSet.cellsOf(t, sums);
                TableGrid detail = TableGrid.ofUnits(t, unitRows, own);
                TableGrid table = t.rowsPerSubUnit() || t.rowsAdded() ? detail : TableGrid.summed(t, own);
                sheets.add(new CountySummary.Sheet(t.code(), c.template().titleOf(t), table, detail));
            }
        }
        TableGrid table = sheets.isEmpty() ? null : sheets.get(0).table();
        TableGrid detail = sheets.isEmpty() ? null : sheets.get(0).detail();
        // the units the campaign waits for: a unit the section withdrew is listed, not counted
        int expected = (int) rows.stream().filter(r -> !r.status().equals(UnitStatus.WITHDRAWN.name())).count();
        return new CountySummary(c.id(), c.title(), c.deadline(), totals, rows, approved, expected, table, detail, sheets);
    }
}
