package cn.duban.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.Reminders;
import cn.duban.reminder.ReminderPolicy.Kind;
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
        assertThat(ReminderPolicy.kindOn(LocalDate.of(2024, 3, 19), DUE, r, WEEKDAYS)).contains(Kind.REMINDER);
        assertThat(ReminderPolicy.kindOn(LocalDate.of(2024, 3, 21), DUE, r, WEEKDAYS)).contains(Kind.LAST_REMINDER);
        assertThat(ReminderPolicy.kindOn(LocalDate.of(2024, 3, 23), DUE, r, WEEKDAYS)).contains(Kind.OVERDUE);
        assertThat(ReminderPolicy.kindOn(LocalDate.of(2024, 3, 20), DUE, r, WEEKDAYS)).isEmpty();
        assertThat(ReminderPolicy.kindOn(DUE, DUE, r, WEEKDAYS)).isEmpty();
        assertThat(ReminderPolicy.kindOn(LocalDate.of(2024, 3, 24), DUE, r, WEEKDAYS)).isEmpty();
    }

    @Test
    void remindersSkipTheWeekend() {
        Reminders r = new Reminders(List.of(1), true, true);
        LocalDate monday = LocalDate.of(2024, 3, 25);
        assertThat(ReminderPolicy.kindOn(LocalDate.of(2024, 3, 22), monday, r, WEEKDAYS)).contains(Kind.LAST_REMINDER);
        assertThat(ReminderPolicy.firstDay(monday, r, WEEKDAYS)).isEqualTo(LocalDate.of(2024, 3, 22));
    }

    @Test
    void noOverdueMailWhenTheTemplateSaysSo() {
        Reminders r = new Reminders(List.of(), false, true);
        assertThat(ReminderPolicy.kindOn(DUE.plusDays(1), DUE, r, WEEKDAYS)).isEqualTo(Optional.empty());
        assertThat(ReminderPolicy.firstDay(DUE, r, WEEKDAYS)).isEqualTo(DUE.plusDays(1));
        assertThat(Kind.REMINDER.alsoToHead()).isFalse();
        assertThat(Kind.LAST_REMINDER.alsoToHead()).isTrue();
    }
}
