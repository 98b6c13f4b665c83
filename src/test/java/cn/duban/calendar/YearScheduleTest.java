package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A year's published schedule as an operator loads it, read without Spring or a database. */
class YearScheduleTest {

    @Test
    void holidaysAndWorkedWeekendsWithAHeaderAndComments() {
        var days = YearSchedule.parse(2030, """
                日期,类型,名称
                # 国务院办公厅通知，2029 年 11 月
                2030-01-01,休,元旦
                2030-02-09,班,春节调休
                2030-10-01, holiday ,国庆节
                """);
        assertThat(days).containsExactly(
                new YearSchedule.Day(LocalDate.of(2030, 1, 1), false, "元旦"),
                new YearSchedule.Day(LocalDate.of(2030, 2, 9), true, "春节调休"),
                new YearSchedule.Day(LocalDate.of(2030, 10, 1), false, "国庆节"));
    }

    @Test
    void everyBadLineIsNamedAndNothingIsTaken() {
        assertThatThrownBy(() -> YearSchedule.parse(2030, """
                2030-01-01,休,元旦
                2031-01-01,休,元旦
                2030-02-30,休,春节
                2030-01-01,休,元旦
                2030-05-01,放,劳动节
                2030-06-01,休
                """))
                .hasMessageStartingWith("节假日安排有误，未载入：")
                .hasMessageContaining("第 2 行：2031-01-01 不在 2030 年")
                .hasMessageContaining("第 3 行：日期“2030-02-30”不是有效的日期，应写成 2030-10-01 这样（年-月-日）")
                .hasMessageContaining("第 4 行：2030-01-01 重复")
                .hasMessageContaining("第 5 行：类型“放”应为 休 或 班")
                .hasMessageContaining("第 6 行应为 日期,类型,名称");
        assertThatThrownBy(() -> YearSchedule.parse(2030, "2030-02-09,班,春节调休\n"))
                .hasMessageContaining("没有任何放假日期");
    }

    /** 2026 as shipped (V3): the official schedule, 33 days off and 5 weekend days worked. */
    static final String OFFICIAL_2026 = """
            2026-01-01,休,元旦
            2026-01-02,休,元旦
            2026-01-03,休,元旦
            2026-01-04,班,元旦调休上班
            2026-02-14,班,春节调休上班
            2026-02-15,休,春节
            2026-02-16,休,春节
            2026-02-17,休,春节
            2026-02-18,休,春节
            2026-02-19,休,春节
            2026-02-20,休,春节
            2026-02-21,休,春节
            2026-02-22,休,春节
            2026-02-23,休,春节
            2026-02-28,班,春节调休上班
            2026-04-04,休,清明节
            2026-04-05,休,清明节
            2026-04-06,休,清明节
            2026-05-01,休,劳动节
            2026-05-02,休,劳动节
            2026-05-03,休,劳动节
            2026-05-04,休,劳动节
            2026-05-05,休,劳动节
            2026-05-09,班,劳动节调休上班
            2026-06-19,休,端午节
            2026-06-20,休,端午节
            2026-06-21,休,端午节
            2026-09-20,班,国庆节调休上班
            2026-09-25,休,中秋节
            2026-09-26,休,中秋节
            2026-09-27,休,中秋节
            2026-10-01,休,国庆节
            2026-10-02,休,国庆节
            2026-10-03,休,国庆节
            2026-10-04,休,国庆节
            2026-10-05,休,国庆节
            2026-10-06,休,国庆节
            2026-10-07,休,国庆节
            2026-10-10,班,国庆节调休上班
            """;

    /** What a day is without a schedule: Monday to Friday work (no holiday library for these years). */
    static YearSchedule.Day weekdays(LocalDate d) {
        return new YearSchedule.Day(d, d.getDayOfWeek().getValue() <= 5, "");
    }

    @Test
    void aOneLineFileInPlaceOfTheOfficialScheduleSaysEveryDayThatFlipsAndAsksForConfirmation() {
        var official = YearSchedule.parse(2026, OFFICIAL_2026);
        var oneLine = YearSchedule.parse(2026, "2026-10-01,休,国庆节\n");
        var flips = YearSchedule.flips(official, oneLine, YearScheduleTest::weekdays);
        // the weekday holidays become working days, the worked weekends days off again; 10-01 stays
        assertThat(flips).hasSize(24);
        assertThat(flips).filteredOn(f -> f.working()).hasSize(18);
        assertThat(flips).filteredOn(f -> !f.working()).hasSize(6);
        assertThat(flips.get(0).say()).isEqualTo("2026-01-01（周四）：休息日（元旦）→工作日");
        assertThat(flips).extracting(YearSchedule.Flip::say).contains("2026-01-04（周日）：工作日（元旦调休上班）→休息日");
        assertThat(flips).noneMatch(f -> f.date().equals(LocalDate.of(2026, 10, 1)));

        var doubts = YearSchedule.doubts(2026, official, oneLine, flips, "国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(doubts).containsExactly(
                "文件只有 1 天放假，少于每年的法定节假日（13 天：元旦 1 天、春节 4 天、清明节 1 天、劳动节 2 天、端午节 1 天、中秋节 1 天、国庆节 3 天）",
                "文件中没有元旦、春节、清明节、劳动节、端午节、中秋节的放假日期",
                "现行安排的 33 天放假日中，有 18 天将改为工作日",
                "2026 年的安排是随系统发布的官方安排（国务院办公厅关于2026年部分节假日安排的通知），载入后将被替换");
    }

    @Test
    void theOfficialScheduleOfANewYearRaisesNoDoubt() {
        var official = YearSchedule.parse(2026, OFFICIAL_2026);
        assertThat(YearSchedule.doubts(2026, List.of(), official, YearSchedule.flips(List.of(), official, YearScheduleTest::weekdays), null))
                .isEmpty();
        // the same file again over itself: nothing flips, nothing to doubt but the shipped year it replaces
        assertThat(YearSchedule.flips(official, official, YearScheduleTest::weekdays)).isEmpty();
        // before 2025 the law gave 11 days; a year of 11 is plausible then, not from 2025 on
        String eleven = "2024-01-01,休,元旦\n2024-02-10,休,春节\n2024-02-11,休,春节\n2024-02-12,休,春节\n2024-04-04,休,清明节\n"
                + "2024-05-01,休,劳动节\n2024-06-10,休,端午节\n2024-09-17,休,中秋节\n2024-10-01,休,国庆节\n2024-10-02,休,国庆节\n"
                + "2024-10-03,休,国庆节\n";
        var y2024 = YearSchedule.parse(2024, eleven);
        assertThat(YearSchedule.doubts(2024, List.of(), y2024, List.of(), null)).isEmpty();
        var y2027 = YearSchedule.parse(2027, eleven.replace("2024-", "2027-"));
        assertThat(YearSchedule.doubts(2027, List.of(), y2027, List.of(), null)).singleElement().asString().startsWith("文件只有 11 天放假");
    }

    @Test
    void aFileThatGivesMostOfTheYearOffIsDoubted() {
        StringBuilder b = new StringBuilder();
        for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(2)) {
            b.append(d).append(",休,元旦春节清明劳动端午中秋国庆\n");
        }
        var days = YearSchedule.parse(2030, b.toString());
        assertThat(YearSchedule.doubts(2030, List.of(), days, List.of(), null))
                .containsExactly("文件有 183 天放假，远多于往年（通常 30 天左右），请检查是否选错了文件或类型写反了");
    }

    @Test
    void aYearsDaysAsAFileReadBackAsTheyWereAndAnUnknownYearGetsAnExample() {
        var days = java.util.List.of(new YearSchedule.Day(LocalDate.of(2030, 1, 1), false, "元旦"),
                new YearSchedule.Day(LocalDate.of(2030, 2, 9), true, "春节调休"),
                new YearSchedule.Day(LocalDate.of(2030, 10, 1), false, "国庆节, 中秋节"));
        String file = YearSchedule.csv(2030, days);
        assertThat(file).contains("日期,类型,名称").contains("2030-02-09,班,春节调休").contains("\"国庆节, 中秋节\"");
        assertThat(YearSchedule.parse(2030, file)).isEqualTo(days);
        assertThat(YearSchedule.csv(2044, java.util.List.of())).contains("# 2044-01-01,休,元旦").contains("# 2044-10-11,班,国庆节调休上班");
    }

    @Test
    void aBadDateIsToldWithAnExampleNotAPattern() {
        assertThatThrownBy(() -> YearSchedule.parse(2030, "2030-01-01,休,元旦\n2030/10/01,休,国庆节\n"))
                .hasMessageContaining("第 2 行：日期“2030/10/01”不是有效的日期，应写成 2030-10-01 这样（年-月-日）").hasMessageNotContaining("yyyy");
    }
}
