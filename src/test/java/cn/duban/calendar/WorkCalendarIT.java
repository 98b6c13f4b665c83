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
        calendar.set(d, false, "测试假日", "ops1");
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
        // three days are no schedule: loading it needs a confirmation
        var loaded = calendar.loadYear(2041, "2041-01-01,休,元旦\n2041-02-03,班,春节调休\n2041-02-04,休,春节\n", "国办发明电〔2040〕1号", "ops1", true);
        assertThat(loaded.days()).isEqualTo(3);
        assertThat(loaded.source()).isEqualTo("国办发明电〔2040〕1号");
        assertThat(calendar.knowsYear(2041)).isTrue();
        assertThat(calendar.isWorkingDay(newYearsDay)).isFalse();
        assertThat(calendar.isWorkingDay(workedSunday)).isTrue();
        // a corrected file replaces the year: the day it no longer lists is an ordinary day again
        calendar.loadYear(2041, "2041-01-01,休,元旦\n", null, "ops1", true);
        assertThat(calendar.isWorkingDay(workedSunday)).as("a Sunday again").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2041, 2, 4))).as("a Monday again").isTrue();
        // a bad file changes nothing
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> calendar.loadYear(2041, "2041-13-01,休,元旦\n", null, "ops1", true))
                .hasMessageContaining("第 1 行");
        assertThat(calendar.isWorkingDay(newYearsDay)).isFalse();
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Issue 27 item 13: an operator replaced the shipped official 2026 schedule with a one-line file — 24 days flipped,
     * nothing asked, nobody recorded. Now the preview says every day that flips, by date and name; loading it without
     * confirmation is refused with the doubts in Chinese and changes nothing; confirmed, it loads and is recorded with
     * who, when and what.
     */
    @Test
    void aOneLineFileInPlaceOfTheShippedYearIsPreviewedRefusedUnconfirmedAndRecordedWhenConfirmed() {
        LocalDate nationalDay2 = LocalDate.of(2026, 10, 2);
        try {
            var preview = calendar.preview(2026, "2026-10-01,休,国庆节\n");
            assertThat(preview.flips()).hasSize(24).contains("2026-10-02（周五）：休息日（国庆节）→工作日",
                    "2026-10-10（周六）：工作日（国庆节调休上班）→休息日");
            assertThat(preview.toWorking()).isEqualTo(18);
            assertThat(preview.toOff()).isEqualTo(6);
            assertThat(preview.replacesOfficial()).isTrue();
            assertThat(preview.doubts()).hasSize(4).last().asString().startsWith("2026 年的安排是随系统发布的官方安排");
            assertThat(calendar.isWorkingDay(nationalDay2)).as("a preview changes nothing").isFalse();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> calendar.loadYear(2026, "2026-10-01,休,国庆节\n", null, "ops1", false))
                    .isInstanceOfSatisfying(cn.duban.support.Refusal.class, r -> {
                        assertThat(r.status()).isEqualTo(409);
                        assertThat(r.getMessage()).startsWith("载入 2026 年安排前请确认：文件只有 1 天放假")
                                .contains("现行安排的 33 天放假日中，有 18 天将改为工作日").endsWith("请先预览，核对无误后再确认载入");
                        assertThat(r.details()).containsEntry("confirmationRequired", true);
                    });
            assertThat(calendar.isWorkingDay(nationalDay2)).as("refused: nothing changed").isFalse();
            assertThat(calendar.changes(10)).noneMatch(c -> c.year() == 2026);

            var loaded = calendar.loadYear(2026, "2026-10-01,休,国庆节\n", "更正", "ops1", true);
            assertThat(loaded.flips()).hasSize(24);
            assertThat(calendar.isWorkingDay(nationalDay2)).isTrue();
            assertThat(calendar.changes(10)).first().satisfies(c -> {
                assertThat(c.by()).isEqualTo("ops1");
                assertThat(c.year()).isEqualTo(2026);
                assertThat(c.summary()).startsWith("载入 2026 年安排（更正），共 1 天（放假 1 天，调休上班 0 天），替换了随系统发布的官方安排；"
                        + "6 天改为休息日、18 天改为工作日：2026-01-01（周四）：休息日（元旦）→工作日；").contains("已确认：文件只有 1 天放假");
            });
        } finally {
            // the shipped schedule back, for the tests that share this context
            calendar.loadYear(2026, YearScheduleTest.OFFICIAL_2026, "国务院办公厅关于2026年部分节假日安排的通知", "ops1", true);
            jdbc.sql("UPDATE duban_calendar_year SET loaded_by = 'system' WHERE calendar_year = 2026").update();
        }
        assertThat(calendar.isWorkingDay(nationalDay2)).isFalse();
    }

    @Test
    void theOfficialScheduleOfANewYearLoadsWithoutConfirmationAndADayChangedIsRecorded() {
        String official2036 = YearScheduleTest.OFFICIAL_2026.replace("2026-", "2036-");
        var preview = calendar.preview(2036, official2036);
        assertThat(preview.doubts()).isEmpty();
        assertThat(preview.replaces()).isNull();
        calendar.loadYear(2036, official2036, "国办发明电〔2035〕1号", "ops1", false);
        assertThat(calendar.knowsYear(2036)).isTrue();

        LocalDate day = LocalDate.of(2036, 3, 3);
        assertThat(calendar.set(day, false, "县里停电", "ops2")).isEqualTo("2036-03-03（周一）：工作日→休息日（县里停电）");
        assertThat(calendar.isWorkingDay(day)).isFalse();
        assertThat(calendar.changes(10)).first().satisfies(c -> {
            assertThat(c.by()).isEqualTo("ops2");
            assertThat(c.day()).isEqualTo(day);
            assertThat(c.summary()).isEqualTo("修改 2036-03-03（周一）：工作日→休息日（县里停电）");
        });
    }

    LocalDate deadline(LocalDate date, boolean move) {
        CampaignTemplate t = new CampaignTemplate("c", "t", null, "i", "s", null, "n", List.of(), null,
                new CampaignTemplate.Deadline(date, null, move), List.of(), null, List.of(), false, null, null, null, null, null, null);
        return Deadlines.compute(t, null, LocalDate.of(2024, 1, 1), calendar::onOrAfter);
    }

    @Test
    void aYearsDaysAreListedAsTheyStand() {
        var days = calendar.daysOf(2026);
        assertThat(days).anySatisfy(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(d.weekday()).isEqualTo("周四");
            assertThat(d.working()).isFalse();
        });
        assertThat(days).allSatisfy(d -> assertThat(d.date().getYear()).isEqualTo(2026));
        assertThat(calendar.csvOf(2026)).contains("2026-10-01,休,");
    }
}
