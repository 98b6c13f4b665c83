package cn.duban.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one definition of 逾期 and of 逾期天数, used by the forms (through the API), the 督办看板, the county
 * summary and every export; the reporting queries' SQL predicate ({@link ReportFigures}) is built from {@link UnitStatus#owedToSection()} and
 * ReportFiguresIT holds it equal to {@link #isOverdue}. Pure, tested without Spring (LatenessTest).
 */
public final class Lateness {

    private Lateness() {}

    /**
     * 逾期: the unit still owes its report to the section past its due date (whatever its step: not signed, at
     * work, returned, or waiting for its own head), or the collection closed without its report.
     *
     * @param due the unit's current due date: the campaign's deadline, or the new date of its last return
     */
    public static boolean isOverdue(UnitStatus status, LocalDate due, LocalDate today) {
        return status == UnitStatus.CLOSED || (status.owedToSection() && due != null && today.isAfter(due));
    }

    /** Whether the section still misses the unit's report: owed, or the collection closed without it. */
    public static boolean stillMissing(UnitStatus status) {
        return status.owedToSection() || status == UnitStatus.CLOSED;
    }

    /**
     * Days past the unit's current due date: until today while it owes its report (a returned report owes
     * again) or after the collection closed without it, else until its latest hand-in. Never negative.
     */
    public static int daysLate(UnitStatus status, LocalDate due, LocalDate lastSubmitted, LocalDate today) {
        if (due == null) {
            return 0;
        }
        LocalDate until = stillMissing(status) || lastSubmitted == null ? today : lastSubmitted;
        return (int) Math.max(0, ChronoUnit.DAYS.between(due, until));
    }
}
