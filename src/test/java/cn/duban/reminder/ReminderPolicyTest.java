package cn.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.Reminders;
import cn.duban.reminder.ReminderPolicy.Kind;
import cn.duban.reminder.ReminderPolicy.Step;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    /** Monday to Friday only, for a test that needs no database. */
    static final BiFunction<LocalDate, Integer, LocalDate> WEEKDAYS = (day, n) -> {
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.minusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    };

    static final LocalDate DUE = LocalDate.of(2024, 3, 22); // a Friday

    @Test
    void threeAndOneWorkingDaysBeforeThenOverdueTheMorningAfter() {
        Reminders r = new Reminders(List.of(3, 1), true, true);
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 18), DUE, r, WEEKDAYS)).isEmpty();
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 19), DUE, r, WEEKDAYS)).contains(reminder(19));
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 21), DUE, r, WEEKDAYS)).contains(new Step(Kind.LAST_REMINDER, DUE));
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 23), DUE, r, WEEKDAYS)).contains(new Step(Kind.OVERDUE, DUE));
    }

    @Test
    void aDayWithoutACheckIsCaughtUpWithTheStepThenDueNotWithTheOnesBefore() {
        Reminders r = new Reminders(List.of(3, 1), true, true);
        // between two steps the unit stays at the earlier one (the outbox queues it only once)
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 20), DUE, r, WEEKDAYS)).contains(reminder(19));
        assertThat(ReminderPolicy.stepReached(DUE, DUE, r, WEEKDAYS)).contains(new Step(Kind.LAST_REMINDER, DUE));
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 30), DUE, r, WEEKDAYS)).contains(new Step(Kind.OVERDUE, DUE));
    }

    @Test
    void severalRemindersBeforeOneDueDateAreKeyedToTheirOwnDaysSoNoneIsLost() {
        Reminders r = new Reminders(List.of(5, 3, 1), true, true);
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 15), DUE, r, WEEKDAYS)).contains(reminder(15));
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 18), DUE, r, WEEKDAYS)).contains(reminder(15));
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 19), DUE, r, WEEKDAYS)).contains(reminder(19));
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 21), DUE, r, WEEKDAYS)).contains(new Step(Kind.LAST_REMINDER, DUE));
    }

    static Step reminder(int dayOfMarch) {
        return new Step(Kind.REMINDER, LocalDate.of(2024, 3, dayOfMarch));
    }

    @Test
    void remindersSkipTheWeekend() {
        Reminders r = new Reminders(List.of(1), true, true);
        LocalDate monday = LocalDate.of(2024, 3, 25);
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 21), monday, r, WEEKDAYS)).isEmpty();
        assertThat(ReminderPolicy.stepReached(LocalDate.of(2024, 3, 22), monday, r, WEEKDAYS)).contains(new Step(Kind.LAST_REMINDER, monday));
    }

    @Test
    void noOverdueMailWhenTheTemplateSaysSo() {
        Reminders r = new Reminders(List.of(), false, true);
        assertThat(ReminderPolicy.stepReached(DUE.plusDays(1), DUE, r, WEEKDAYS)).isEqualTo(Optional.empty());
        assertThat(ReminderPolicy.stepReached(DUE, DUE, r, WEEKDAYS)).isEqualTo(Optional.empty());
        assertThat(Kind.REMINDER.alsoToHead()).isFalse();
        assertThat(Kind.LAST_REMINDER.alsoToHead()).isTrue();
    }
}
