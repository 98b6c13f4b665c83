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

        /** The mail this step sends. */
        public cn.duban.mail.MailKind mailKind() {
            return cn.duban.mail.MailKind.valueOf(name());
        }
    }

    private ReminderPolicy() {}

    /**
     * A step of the reminders: its kind and the day it is keyed to in the outbox. A reminder is keyed to
     * its own day (a template may ask for several before one due date), the overdue mail to the due date.
     */
    public record Step(Kind kind, LocalDate day) {}

    /**
     * The step a unit that still owes its report has reached by {@code today}: the overdue mail from the
     * day after its due date (if the template sends one), else its latest reminder day on or before today.
     * Each step is queued once (the outbox's key holds the kind and the step's day), so the daily check
     * queues a step on its day, and a check that could not run on that day (the campaign's monitoring began
     * after the reminder hour, or no node was up) catches up with the step now due, not with the ones
     * before it.
     *
     * @param workingDaysBefore (due date, n) → the working day n working days before it
     */
    public static Optional<Step> stepReached(LocalDate today, LocalDate due, Reminders r,
                                             BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        if (today.isAfter(due)) {
            return r.sendsOverdueMail() ? Optional.of(new Step(Kind.OVERDUE, due)) : Optional.empty();
        }
        List<Integer> days = r.workingDaysBefore();
        int last = days.stream().min(Comparator.naturalOrder()).orElse(0);
        return days.stream()
                .filter(n -> !workingDaysBefore.apply(due, n).isAfter(today))
                .min(Comparator.naturalOrder())
                .map(n -> n == last ? new Step(Kind.LAST_REMINDER, due) : new Step(Kind.REMINDER, workingDaysBefore.apply(due, n)));
    }
}
