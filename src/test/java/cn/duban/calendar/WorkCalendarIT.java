package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.EngineTest;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.Deadlines;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadlines land where the official calendar says. */
@EngineTest
class WorkCalendarIT {

    @Autowired WorkCalendar calendar;

    @Test
    void aDeadlineOnNationalDayMovesToTheFirstWorkingDayAfterTheHoliday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 1))).isFalse();
        assertThat(calendar.onOrAfter(LocalDate.of(2024, 10, 1))).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(deadline(LocalDate.of(2024, 10, 1), true)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(deadline(LocalDate.of(2024, 10, 1), false)).isEqualTo(LocalDate.of(2024, 10, 1));
    }

    @Test
    void aDeadlineOnAnAdjustedWorkingSundayStays() {
        // 2024-09-29 is a Sunday worked in exchange for the National Day holiday (调休)
        assertThat(LocalDate.of(2024, 9, 29).getDayOfWeek().getValue()).isEqualTo(7);
        assertThat(deadline(LocalDate.of(2024, 9, 29), true)).isEqualTo(LocalDate.of(2024, 9, 29));
        // and an ordinary Sunday moves to Monday
        assertThat(deadline(LocalDate.of(2024, 9, 22), true)).isEqualTo(LocalDate.of(2024, 9, 23));
    }

    @Test
    void theLibraryCarriesEarlierYearsAndTheTableLaterOnes() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 7))).as("2023 调休 Saturday, from the library").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("2026 春节 调休 Saturday, from the table").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 3, 22))).isTrue();
    }

    @Test
    void workingDaysBeforeSkipsWeekendsAndHolidays() {
        assertThat(calendar.workingDaysBefore(LocalDate.of(2024, 3, 22), 3)).isEqualTo(LocalDate.of(2024, 3, 19));
        assertThat(calendar.workingDaysBefore(LocalDate.of(2024, 10, 8), 1)).isEqualTo(LocalDate.of(2024, 9, 30));
    }

    @Test
    void anAdminCorrectsADay() {
        LocalDate d = LocalDate.of(2031, 1, 6);
        assertThat(calendar.isWorkingDay(d)).isTrue();
        calendar.set(d, false, "测试假日");
        assertThat(calendar.isWorkingDay(d)).isFalse();
    }

    LocalDate deadline(LocalDate date, boolean move) {
        CampaignTemplate t = new CampaignTemplate("c", "t", null, "i", "s", null, "n", List.of(), null,
                new CampaignTemplate.Deadline(date, null, move), List.of(), null, List.of(), false, null, null, null);
        return Deadlines.compute(t, null, LocalDate.of(2024, 1, 1), calendar::onOrAfter);
    }
}
