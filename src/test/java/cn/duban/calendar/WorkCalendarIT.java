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

    @Test
    void aYearWithoutItsScheduleIsSaidAndLoadingItReplacesTheYearWhole() {
        assertThat(calendar.knowsYear(2026)).as("shipped").isTrue();
        assertThat(calendar.knowsYear(2012)).as("the library's").isTrue();
        assertThat(calendar.knowsYear(2041)).isFalse();
        assertThat(calendar.unknownYearWarning(LocalDate.of(2041, 3, 1))).hasValueSatisfying(w ->
                assertThat(w).startsWith("2041 年的法定节假日和调休安排尚未载入，该年的日期暂按周一至周五计算工作日"));
        assertThat(calendar.unknownYearWarning(LocalDate.of(2026, 3, 1))).isEmpty();
        assertThat(calendar.advice(LocalDate.of(2026, 10, 1))).hasValue("2026-10-01 不是工作日（下一个工作日为 2026-10-08）");
        assertThat(calendar.advice(LocalDate.of(2026, 10, 9))).isEmpty();
        assertThat(calendar.advice(LocalDate.of(2041, 3, 1))).isEqualTo(calendar.unknownYearWarning(LocalDate.of(2041, 3, 1)));
        assertThat(calendar.loadedYears()).extracting(WorkCalendar.KnownYear::year).contains(2026, 2025, 2024);
        assertThat(calendar.loadedYears()).filteredOn(y -> y.year() == 2026).singleElement()
                .satisfies(y -> assertThat(y.days()).isGreaterThan(20));

        LocalDate newYearsDay = LocalDate.of(2041, 1, 1);
        LocalDate workedSunday = LocalDate.of(2041, 2, 3);
        assertThat(calendar.isWorkingDay(newYearsDay)).as("a Tuesday, before the schedule is loaded").isTrue();
        var loaded = calendar.loadYear(2041, "2041-01-01,休,元旦\n2041-02-03,班,春节调休\n2041-02-04,休,春节\n", "国办发明电〔2040〕1号", "ops1");
        assertThat(loaded.days()).isEqualTo(3);
        assertThat(loaded.source()).isEqualTo("国办发明电〔2040〕1号");
        assertThat(calendar.knowsYear(2041)).isTrue();
        assertThat(calendar.isWorkingDay(newYearsDay)).isFalse();
        assertThat(calendar.isWorkingDay(workedSunday)).isTrue();
        // a corrected file replaces the year: the day it no longer lists is an ordinary day again
        calendar.loadYear(2041, "2041-01-01,休,元旦\n", null, "ops1");
        assertThat(calendar.isWorkingDay(workedSunday)).as("a Sunday again").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2041, 2, 4))).as("a Monday again").isTrue();
        // a bad file changes nothing
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> calendar.loadYear(2041, "2041-13-01,休,元旦\n", null, "ops1"))
                .hasMessageContaining("第 1 行");
        assertThat(calendar.isWorkingDay(newYearsDay)).isFalse();
    }

    LocalDate deadline(LocalDate date, boolean move) {
        CampaignTemplate t = new CampaignTemplate("c", "t", null, "i", "s", null, "n", List.of(), null,
                new CampaignTemplate.Deadline(date, null, move), List.of(), null, List.of(), false, null, null, null, null, null, null);
        return Deadlines.compute(t, null, LocalDate.of(2024, 1, 1), calendar::onOrAfter);
    }
}
