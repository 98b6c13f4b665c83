package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate.Periodic;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The periods of a periodic return, named as notices name them. */
class PeriodsTest {

    @Test
    void monthlyPeriodsOpenTheDayAfterTheMonthAndAreDueOnTheirDay() {
        var periods = Periods.of(new Periodic(1, YearMonth.of(2026, 11), 3, 5, null, true, true), LocalDate.of(2026, 11, 20));
        assertThat(periods).extracting(Periods.Period::label).containsExactly("2026年11月", "2026年12月", "2027年1月");
        assertThat(periods.get(0).opens()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(periods.get(0).due()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(periods.get(2).due()).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThat(periods.get(2).month()).isEqualTo(YearMonth.of(2027, 1));
        // a due day past the month's end is its last day
        assertThat(Periods.of(new Periodic(1, YearMonth.of(2026, 1), 1, 31, null, false, false), LocalDate.of(2026, 1, 1)).get(0).due())
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void quartersHalvesYearsAndSpansAreNamedAsNoticesNameThem() {
        assertThat(Periods.of(new Periodic(3, YearMonth.of(2026, 1), 4, 10, null, false, false), LocalDate.of(2026, 1, 1)))
                .extracting(Periods.Period::label).containsExactly("2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度");
        assertThat(Periods.of(new Periodic(6, YearMonth.of(2026, 1), 2, 15, null, false, false), LocalDate.of(2026, 1, 1)))
                .extracting(Periods.Period::label).containsExactly("2026年上半年", "2026年下半年");
        assertThat(Periods.of(new Periodic(2, YearMonth.of(2026, 11), 2, 25, null, false, false), LocalDate.of(2026, 1, 1)))
                .extracting(Periods.Period::label).containsExactly("2026年11—12月", "2027年1—2月");
        assertThat(Periods.of(new Periodic(2, YearMonth.of(2026, 12), 1, 25, null, false, false), LocalDate.of(2026, 1, 1)))
                .extracting(Periods.Period::label).containsExactly("2026年12月—2027年1月");
        assertThat(Periods.of(new Periodic(12, YearMonth.of(2026, 1), 1, 15, null, false, false), LocalDate.of(2026, 1, 1)))
                .extracting(Periods.Period::label).containsExactly("2026年度");
    }

    @Test
    void aListOfDatesOpensEachPeriodTheDayAfterTheLastWasDue() {
        var periods = Periods.of(new Periodic(null, null, null, null,
                List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 7, 15)), false, false), LocalDate.of(2026, 3, 2));
        assertThat(periods).extracting(Periods.Period::label).containsExactly("第 1 期（3月31日前报送）", "第 2 期（7月15日前报送）");
        assertThat(periods.get(0).opens()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(periods.get(1).opens()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Periods.half(periods.get(1))).isEqualTo("下半年");
    }

    /** Issue #28 §9: a period due on a holiday, moved to the next working day, is named after the day it is due. */
    @Test
    void aMovedPeriodIsNamedAfterTheDayItIsReallyDue() {
        var p = new Periodic(null, null, null, null, List.of(LocalDate.of(2026, 10, 1)), true, false);
        var periods = Periods.of(p, LocalDate.of(2026, 9, 1), d -> d.equals(LocalDate.of(2026, 10, 1)) ? LocalDate.of(2026, 10, 9) : d);
        assertThat(periods.get(0).label()).isEqualTo("第 1 期（10月9日前报送）");
        assertThat(periods.get(0).due()).as("the schedule's own day, before the move").isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void theScheduleIsSaidInASentence() {
        assertThat(Periods.describe(new Periodic(1, YearMonth.of(2027, 1), 12, 5, null, true, true)))
                .isEqualTo("定期报送，按月报送，自 2027年1月起共 12 期，每期结束后次月 5 日前报送（遇节假日顺延至下一个工作日）；未按期报送的单位结转上期数据");
        assertThat(Periods.describe(new Periodic(null, null, null, null, List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 7, 15)), false, false)))
                .isEqualTo("定期报送，共 2 期，报送日期：2026年3月31日、2026年7月15日");
    }

    @Test
    void aPeriodicTemplateIsCheckedFieldByField() {
        String base = "code: x\ntitle: 关于按月报送的通知\nissuer: 某县卫生健康局\nsection: 综合监督科\nnoticeText: 各单位：……\n"
                + "targets: {all: true}\n";
        assertThat(TemplateParser.parse(base + "periodic: {months: 1, first: 2026-01, count: 12, dueDay: 5, carryOver: true}\n")
                .periodic().carriesOver()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateParser.parse(base
                        + "deadline: {daysAfterIssue: 5}\nperiodic: {months: 5, count: 0}\n"))
                .hasMessageContaining("字段 deadline 不用于定期报送")
                .hasMessageContaining("字段 periodic.months 必填")
                .hasMessageContaining("字段 periodic.first 必填")
                .hasMessageContaining("字段 periodic.count 必填")
                .hasMessageContaining("字段 periodic.dueDay 必填");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateParser.parse(base
                        + "periodic: {dates: [2026-06-30, 2026-03-31], dueDay: 5}\n"))
                .hasMessageContaining("给出 dates 时不再给出")
                .hasMessageContaining("须按日期先后排列");
    }
}
