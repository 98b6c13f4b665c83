package cn.duban.campaign;

import cn.duban.campaign.CampaignTemplate.Periodic;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The periods of a periodic return: their names as a notice says them (2026年1月, 2026年第一季度, 2026年上半年,
 * 2026年1—2月, 第 3 期), the day each opens and the day it is due. Pure: no database, no engine (PeriodsTest).
 */
public final class Periods {

    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    private Periods() {}

    /**
     * One period.
     *
     * @param no     1, 2, … in order
     * @param label  its name, as the notice and every view say it
     * @param opens  the day duban opens it (the day after the previous one is due, or after the period ends)
     * @param due    the day it is due, before any move to a working day
     * @param month  the month its figures belong to (the period's last month; a due date's month for a list of dates),
     *               for the cumulative figures (year to date, half-year)
     */
    public record Period(int no, String label, LocalDate opens, LocalDate due, YearMonth month) {}

    /** The periods of a schedule; {@code issuedOn} opens the first of a list of dates. */
    public static List<Period> of(Periodic p, LocalDate issuedOn) {
        return of(p, issuedOn, UnaryOperator.identity());
    }

    /**
     * The same, a list of dates' periods named after the day each is really due: moved to the next working day where
     * the notice says so (a label saying 10月1日 for a period due 10月8日 would contradict its own due date).
     */
    public static List<Period> of(Periodic p, LocalDate issuedOn, UnaryOperator<LocalDate> nextWorkingDay) {
        List<Period> out = new ArrayList<>();
        if (!p.dates().isEmpty()) {
            LocalDate opens = issuedOn;
            for (int i = 0; i < p.dates().size(); i++) {
                LocalDate due = p.dates().get(i);
                LocalDate said = p.movesToWorkingDay() ? nextWorkingDay.apply(due) : due;
                out.add(new Period(i + 1, "第 " + (i + 1) + " 期（" + said.getMonthValue() + "月" + said.getDayOfMonth() + "日前报送）",
                        opens, due, YearMonth.from(due)));
                opens = due.plusDays(1);
            }
            return out;
        }
        int months = p.months();
        for (int i = 0; i < p.count(); i++) {
            YearMonth start = p.first().plusMonths((long) i * months);
            YearMonth end = start.plusMonths(months - 1);
            YearMonth after = end.plusMonths(1);
            LocalDate due = after.atDay(Math.min(p.dueDay(), after.lengthOfMonth()));
            out.add(new Period(i + 1, label(start, end, months), after.atDay(1), due, end));
        }
        return out;
    }

    /** The period's name: a month, a quarter, a half-year, a year, or the months it spans. */
    static String label(YearMonth start, YearMonth end, int months) {
        int m = start.getMonthValue();
        String year = start.getYear() + "年";
        if (months == 1) {
            return year + m + "月";
        }
        if (months == 3 && (m - 1) % 3 == 0) {
            return year + QUARTERS[(m - 1) / 3];
        }
        if (months == 6 && (m == 1 || m == 7)) {
            return year + (m == 1 ? "上半年" : "下半年");
        }
        if (months == 12 && m == 1) {
            return start.getYear() + "年度";
        }
        return start.getYear() == end.getYear()
                ? year + m + "—" + end.getMonthValue() + "月"
                : year + m + "月—" + end.getYear() + "年" + end.getMonthValue() + "月";
    }

    /** The schedule in a sentence, as the drafter, the 科长 and the leader read it before signing off. */
    public static String describe(Periodic p) {
        String rest = (p.movesToWorkingDay() ? "（遇节假日顺延至下一个工作日）" : "")
                + (p.carriesOver() ? "；未按期报送的单位结转上期数据" : "");
        if (!p.dates().isEmpty()) {
            return "定期报送，共 " + p.dates().size() + " 期，报送日期："
                    + String.join("、", p.dates().stream().map(d -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日").toList()) + rest;
        }
        String every = switch (p.months()) {
            case 1 -> "按月";
            case 3 -> "按季度";
            case 6 -> "按半年";
            case 12 -> "按年度";
            default -> "每 " + p.months() + " 个月";
        };
        return "定期报送，" + every + "报送，自 " + p.first().getYear() + "年" + p.first().getMonthValue() + "月起共 " + p.count()
                + " 期，每期结束后次月 " + p.dueDay() + " 日前报送" + rest;
    }

    /** The due date a period's campaign gets: moved to the next working day when the template says so. */
    public static LocalDate dueDate(Periodic p, Period period, UnaryOperator<LocalDate> nextWorkingDay) {
        return p.movesToWorkingDay() ? nextWorkingDay.apply(period.due()) : period.due();
    }

    /** Which half of its year a period's figures count in: 上半年 or 下半年. */
    public static String half(Period period) {
        return period.month().getMonthValue() <= 6 ? "上半年" : "下半年";
    }
}
