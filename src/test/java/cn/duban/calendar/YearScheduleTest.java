package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
                .hasMessageContaining("第 3 行：日期“2030-02-30”应为 yyyy-MM-dd")
                .hasMessageContaining("第 4 行：2030-01-01 重复")
                .hasMessageContaining("第 5 行：类型“放”应为 休 或 班")
                .hasMessageContaining("第 6 行应为 日期,类型,名称");
        assertThatThrownBy(() -> YearSchedule.parse(2030, "2030-02-09,班,春节调休\n"))
                .hasMessageContaining("没有任何放假日期");
    }
}
