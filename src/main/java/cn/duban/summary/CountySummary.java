package cn.duban.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The county summary of one campaign, read from duban's tables. With a table of columns: {@code totals} holds each
 * number column's county total, {@code table} the county's table in the attachment's layout (fixed rows summed, or
 * the rows of every approved unit), {@code detail} the rows of every approved unit; both null otherwise; {@code sheets}
 * the same for each of the notice's tables.
 */
public record CountySummary(
        String campaignId,
        String title,
        LocalDate deadline,
        List<Total> totals,
        List<UnitRow> units,
        int approvedCount,
        int unitCount,
        cn.duban.report.TableGrid table,
        cn.duban.report.TableGrid detail,
        List<Sheet> sheets) {

    public CountySummary(String campaignId, String title, LocalDate deadline, List<Total> totals, List<UnitRow> units,
                         int approvedCount, int unitCount, cn.duban.report.TableGrid table, cn.duban.report.TableGrid detail) {
        this(campaignId, title, deadline, totals, units, approvedCount, unitCount, table, detail, List.of());
    }

    /**
     * One of the notice's tables summed up: its code and title (附件2 隐患排查整治台账), the county's table in its layout
     * and every approved unit's rows. {@code table} and {@code detail} above are the first's.
     */
    public record Sheet(String code, String title, cn.duban.report.TableGrid table, cn.duban.report.TableGrid detail) {}

    /** A row of the attachment's table with the county total. */
    public record Total(int no, String code, String name, String unit, BigDecimal amount) {}

    /**
     * One unit: status, whether it is 逾期 and by how many days (both as {@code report.Lateness} defines them), its
     * latest hand-in (报送时间: the version whose figures are shown, as on the 督办看板), returns and its approved
     * figures.
     */
    public record UnitRow(
            String unitCode, String unitName, String status, String statusLabel, boolean overdue, LocalDateTime submittedAt,
            int daysLate, int returnCount, Map<String, BigDecimal> values, boolean carried, boolean zeroReport) {

        /** Whether the unit's people still owe the report (a returned one too): it can be urged (催办). */
        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean owesReport() {
            return cn.duban.report.UnitStatus.valueOf(status).owesReport();
        }
    }

    /** The units whose report is a 零报告 (counted as reported, listed apart). */
    public List<UnitRow> zeroReports() {
        return units.stream().filter(UnitRow::zeroReport).toList();
    }

    /** The units that missed this period of a periodic return and were given the previous period's figures. */
    public List<UnitRow> carried() {
        return units.stream().filter(UnitRow::carried).toList();
    }

    public List<UnitRow> missing() {
        return units.stream().filter(u -> u.submittedAt() == null).toList();
    }

    public List<UnitRow> late() {
        return units.stream().filter(u -> u.daysLate() > 0).toList();
    }
}
