package cn.duban.dashboard;

import cn.duban.report.Lateness;
import cn.duban.report.UnitStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * How the dashboard files a unit: exactly one bucket per unit (so the buckets add up to the campaign's units)
 * and, while it still owes its report, one of three colours. Pure: no database, no engine.
 */
public final class DashboardRules {

    /** The dashboard's buckets, in the order the chart shows them. */
    public enum Bucket {
        NOT_SIGNED("未签收"),
        IN_PROGRESS("办理中"),
        SUBMITTED("已报送"),
        RETURNED("已退回"),
        APPROVED("已通过"),
        OVERDUE("逾期"),
        WITHDRAWN("已撤销");

        private final String label;

        Bucket(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The unit statuses that land in this bucket when the unit is not overdue. */
        Set<UnitStatus> statuses() {
            return switch (this) {
                case NOT_SIGNED -> EnumSet.of(UnitStatus.NOT_SIGNED);
                case IN_PROGRESS -> EnumSet.of(UnitStatus.IN_PROGRESS, UnitStatus.HEAD_REVIEW);
                case SUBMITTED -> EnumSet.of(UnitStatus.SUBMITTED);
                case RETURNED -> EnumSet.of(UnitStatus.RETURNED);
                case APPROVED -> EnumSet.of(UnitStatus.APPROVED);
                case OVERDUE -> EnumSet.of(UnitStatus.CLOSED);
                case WITHDRAWN -> EnumSet.of(UnitStatus.WITHDRAWN);
            };
        }
    }

    /**
     * The three colours of a unit that still owes its report, as the practice of 督查督办 colours a 督办单 (blue: the due
     * date is near; yellow: late; red: very late) — one definition for the 督办看板's rows and the printed 督办单: the
     * colour a 督办单 is printed in, and the lighter tint a row of the board is shaded with.
     */
    public enum Urgency {
        NEAR("临近截止", "1F4E9D", "#dce8f7"),
        LATE("逾期", "BF9000", "#fff3cd"),
        VERY_LATE("严重逾期", "C00000", "#f8d7da");

        private final String label;
        private final String colour;
        private final String tint;

        Urgency(String label, String colour, String tint) {
            this.label = label;
            this.colour = colour;
            this.tint = tint;
        }

        public String label() {
            return label;
        }

        /** The colour a 督办单 is printed in (RRGGBB). */
        public String colour() {
            return colour;
        }

        /** The tint of the unit's row on the 督办看板. */
        public String tint() {
            return tint;
        }
    }

    private final int nearDays;
    private final int veryLateDays;

    /**
     * @param nearDays     a unit that owes its report and is due within this many days is "near the deadline"
     * @param veryLateDays a unit this many days or more past due is "very late"
     */
    public DashboardRules(int nearDays, int veryLateDays) {
        if (nearDays < 0 || veryLateDays < 1) {
            throw new IllegalArgumentException("nearDays ≥ 0 and veryLateDays ≥ 1 expected");
        }
        this.nearDays = nearDays;
        this.veryLateDays = veryLateDays;
    }

    /** A unit 逾期 ({@link Lateness}) is in that bucket whatever its step; the others by their status. */
    public Bucket bucket(UnitStatus status, LocalDate due, LocalDate today) {
        if (Lateness.isOverdue(status, due, today)) {
            return Bucket.OVERDUE;
        }
        for (Bucket b : Bucket.values()) {
            if (b.statuses().contains(status)) {
                return b;
            }
        }
        throw new IllegalStateException("no bucket for " + status);
    }

    /** The colour of a unit that owes its report; null once it has handed it in (or has no due date). */
    public Urgency urgency(UnitStatus status, LocalDate due, LocalDate today) {
        boolean stillOwed = Lateness.stillMissing(status);
        if (!stillOwed || due == null) {
            return null;
        }
        long late = ChronoUnit.DAYS.between(due, today);
        if (late >= veryLateDays) {
            return Urgency.VERY_LATE;
        }
        if (late >= 1) {
            return Urgency.LATE;
        }
        return -late <= nearDays ? Urgency.NEAR : null;
    }
}
