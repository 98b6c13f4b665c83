package cn.duban.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting queries: every read across a campaign's units that the county summary, the dashboard and the
 * exports make, in one place, each one query whatever the number of units. Only approved versions count in a
 * total. The rules they repeat in SQL (overdue) are {@link Lateness}'s, held equal by ReportFiguresIT.
 */
@Service
@Transactional(readOnly = true)
public class ReportFigures {

    private final JdbcClient jdbc;

    ReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One unit's line in a campaign: its due date is its own or, if it has none, the campaign's deadline. */
    public record UnitLine(String unitCode, String unitName, UnitStatus status, LocalDate dueDate, LocalDateTime submittedAt,
                           int returnCount, String processInstanceId, String carriedFrom, boolean zeroReport) {

        /**
         * The status as every list shows it: a unit that missed a period and was given the previous one's figures says so;
         * one whose report is a 零报告, handed in, says that (it is not missing: nothing of the kind is a report).
         */
        public String statusLabel() {
            if (carried()) {
                return "未报送，已结转上期数据";
            }
            return zeroReport && (status == UnitStatus.SUBMITTED || status == UnitStatus.APPROVED || status == UnitStatus.HEAD_REVIEW)
                    ? status.label() + "（零报告）" : status.label();
        }

        /** Whether the unit's report, as handed in, is a 零报告. */
        public boolean zero() {
            return zeroReport && (status == UnitStatus.SUBMITTED || status == UnitStatus.APPROVED || status == UnitStatus.HEAD_REVIEW);
        }

        /** Whether the unit missed a period of a periodic return and was given the previous period's figures. */
        public boolean carried() {
            return carriedFrom != null;
        }

        /**
         * 逾期 as {@link Lateness} has it, the same on every screen and in every file. A unit whose figures were carried
         * over is late too: it missed the period (its figures count in the totals, its lateness in the half-year and
         * year-end assessment).
         */
        public boolean overdue(LocalDate today) {
            return Lateness.isOverdue(status, dueDate, today);
        }

        /** Days late as {@link Lateness} counts them, a carried-over unit's included. */
        public int daysLate(LocalDate today) {
            return Lateness.daysLate(status, dueDate, submittedAt == null ? null : submittedAt.toLocalDate(), today);
        }
    }

    /** Units of a campaign with the same status and own due date (null: the campaign's). */
    public record StatusGroup(UnitStatus status, LocalDate dueDate, int count) {}

    /** The sum of each indicator over the approved versions: one GROUP BY. */
    public Map<String, BigDecimal> approvedTotals(String campaignId) {
        Map<String, BigDecimal> sums = new HashMap<>();
        jdbc.sql("""
                SELECT v.indicator_code, SUM(v.amount) FROM duban_report_value v
                JOIN duban_report r ON r.id = v.report_id
                WHERE r.campaign_id = ? AND r.status = 'APPROVED'
                GROUP BY v.indicator_code""")
                .param(campaignId)
                .query((rs, i) -> sums.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return sums;
    }

    /** Each unit's approved figures, by unit and indicator (a table's number cells by cell). */
    public Map<String, Map<String, BigDecimal>> approvedFigures(String campaignId) {
        return approvedByUnit("SELECT r.unit_code, v.indicator_code, v.amount FROM duban_report_value v", campaignId,
                (rs, i) -> rs.getBigDecimal(3));
    }

    /** Each unit's approved text cells (a table's remarks, dates, choices), by unit and cell. */
    public Map<String, Map<String, String>> approvedTexts(String campaignId) {
        return approvedByUnit("SELECT r.unit_code, v.cell_code, v.text_value FROM duban_report_text v", campaignId,
                (rs, i) -> rs.getString(3));
    }

    /** The cells of the approved versions of a campaign's units: {@code select} names unit, cell and value of {@code v}. */
    private <T> Map<String, Map<String, T>> approvedByUnit(String select, String campaignId, org.springframework.jdbc.core.RowMapper<T> value) {
        Map<String, Map<String, T>> out = new HashMap<>();
        jdbc.sql(select + " JOIN duban_report r ON r.id = v.report_id WHERE r.campaign_id = ? AND r.status = 'APPROVED'")
                .param(campaignId)
                .query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), value.mapRow(rs, i)))
                .list();
        return out;
    }

    /** The groups of one campaign, or of every campaign when campaignId is null, by campaign: one GROUP BY. */
    public Map<String, List<StatusGroup>> groups(String campaignId) {
        Map<String, List<StatusGroup>> out = new HashMap<>();
        var sql = jdbc.sql("SELECT campaign_id, status, due_date, COUNT(*) FROM duban_campaign_unit"
                + (campaignId == null ? "" : " WHERE campaign_id = ?") + " GROUP BY campaign_id, status, due_date");
        (campaignId == null ? sql : sql.param(campaignId)).query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new StatusGroup(UnitStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getInt(4)))).list();
        return out;
    }

    /** Versions handed in since that moment, in every campaign (figures carried over by duban are not hand-ins). */
    public int handInsSince(LocalDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_report WHERE submitted_at >= ? AND carried_over = FALSE").param(since)
                .query(Integer.class).single();
    }

    /**
     * Units overdue ({@link Lateness#isOverdue}) on {@code today} in these campaigns, given each campaign's deadline
     * (for units without a due date of their own): one GROUP BY over (campaign, status, due date), counted here with
     * Lateness itself.
     */
    public int overdueUnits(Map<String, LocalDate> deadlines, LocalDate today) {
        if (deadlines.isEmpty()) {
            return 0;
        }
        int[] overdue = {0};
        for (List<String> piece : cn.duban.support.InLists.of(new ArrayList<>(deadlines.keySet()))) {
            jdbc.sql("SELECT campaign_id, status, due_date, COUNT(*) FROM duban_campaign_unit WHERE campaign_id IN (:ids)"
                            + " GROUP BY campaign_id, status, due_date").param("ids", piece)
                    .query((rs, i) -> {
                        LocalDate due = rs.getObject(3, LocalDate.class);
                        if (Lateness.isOverdue(UnitStatus.valueOf(rs.getString(2)), due != null ? due : deadlines.get(rs.getString(1)), today)) {
                            overdue[0] += rs.getInt(4);
                        }
                        return null;
                    }).list();
        }
        return overdue[0];
    }

    /** Every unit of a campaign, by code. */
    public List<UnitLine> lines(String campaignId, LocalDate deadline) {
        return page(campaignId, deadline, null, null, null, Integer.MAX_VALUE, 0);
    }

    /**
     * One page of a campaign's units by code, optionally only those in the given statuses and overdue or not on
     * {@code today} ({@link Lateness#isOverdue}); the query walks the primary key (campaign_id, unit_code) in order
     * and stops after the page.
     */
    public List<UnitLine> page(String campaignId, LocalDate deadline, Collection<UnitStatus> statuses, Boolean overdue,
                               LocalDate today, int limit, long offset) {
        List<Object> params = new ArrayList<>(Arrays.asList(deadline, campaignId));
        StringBuilder filter = new StringBuilder();
        if (statuses != null) {
            filter.append(" AND cu.status IN (").append(quoted(statuses)).append(')');
        }
        if (overdue != null) {
            filter.append(overdue ? " AND " : " AND NOT ").append(overduePredicate());
            params.add(deadline);
            params.add(today);
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                SELECT cu.unit_code, u.name, cu.status, COALESCE(cu.due_date, ?) AS due, cu.last_submitted_at, cu.return_count,
                       cu.process_instance_id, cu.carried_from, cu.zero_report
                FROM duban_campaign_unit cu
                JOIN duban_unit u ON u.code = cu.unit_code
                WHERE cu.campaign_id = ?%s
                ORDER BY cu.unit_code
                LIMIT ? OFFSET ?""".formatted(filter))
                .params(params)
                .query((rs, i) -> new UnitLine(rs.getString(1), rs.getString(2), UnitStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class), rs.getInt(6), rs.getString(7),
                        rs.getString(8), rs.getBoolean(9)))
                .list();
    }

    /**
     * The SQL form of {@link Lateness#isOverdue} on a row {@code cu} of duban_campaign_unit, with two parameters: the
     * campaign's deadline (for units without their own due date), then today.
     */
    static String overduePredicate() {
        List<UnitStatus> owes = Arrays.stream(UnitStatus.values()).filter(UnitStatus::owedToSection).toList();
        return "(cu.status = 'CLOSED' OR (cu.status IN (" + quoted(owes) + ") AND COALESCE(cu.due_date, ?) < ?))";
    }

    private static String quoted(Collection<UnitStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    }
}
