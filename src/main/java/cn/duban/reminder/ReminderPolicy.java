package cn.duban.reminder;

import cn.duban.campaign.CampaignTemplate.Reminders;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Which reminder a unit that still owes its report gets on a given day. Pure: no database, no engine. */
public final class ReminderPolicy {

    /** A per-unit mail; the last reminder and the overdue mail also go to the unit head. */
    public enum Kind {
        REMINDER, LAST_REMINDER, OVERDUE;

        public boolean alsoToHead() {
            return this != REMINDER;
        }
    }

    private ReminderPolicy() {}

    /**
     * @param workingDaysBefore (due date, n) → the working day n working days before it
     */
    public static Optional<Kind> kindOn(LocalDate today, LocalDate due, Reminders r,
                                        BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        if (today.equals(due.plusDays(1))) {
            return r.sendsOverdueMail() ? Optional.of(Kind.OVERDUE) : Optional.empty();
        }
        List<Integer> days = r.workingDaysBefore();
        int last = days.stream().min(Comparator.naturalOrder()).orElse(0);
        for (int n : days) {
            if (today.equals(workingDaysBefore.apply(due, n))) {
                return Optional.of(n == last ? Kind.LAST_REMINDER : Kind.REMINDER);
            }
        }
        return Optional.empty();
    }

    /** The first day something may be due for the unit: its earliest reminder, else the day after the due date. */
    public static LocalDate firstDay(LocalDate due, Reminders r, BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        return r.workingDaysBefore().stream().map(n -> workingDaysBefore.apply(due, n))
                .min(Comparator.naturalOrder()).orElse(due.plusDays(1));
    }

    /** The last day something may be due: the overdue mail, the morning after the due date. */
    public static LocalDate lastDay(LocalDate due) {
        return due.plusDays(1);
    }
}
