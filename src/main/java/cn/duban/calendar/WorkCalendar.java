package cn.duban.calendar;

import com.nlf.calendar.Holiday;
import com.nlf.calendar.util.HolidayUtil;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a day is a working day in China: a day in duban's calendar table decides first (the years
 * after the library's data, and any correction an admin makes); then the holiday library (official
 * holidays and 调休 days up to 2023); then Monday to Friday.
 */
@Service
public class WorkCalendar {

    /** How long a node trusts what it read: another node's correction reaches this one within this time. */
    static final long CACHE_MILLIS = 10 * 60 * 1000L;

    /** The day's answer, table and library together: the library's lookup is a text scan, dear per call. */
    private record Cached(boolean working, long readAt) {}

    private final JdbcClient jdbc;
    private final Map<LocalDate, Cached> cache = new ConcurrentHashMap<>();

    public WorkCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(day);
        if (cached == null || now - cached.readAt() > CACHE_MILLIS) {
            cached = new Cached(decide(day), now);
            cache.put(day, cached);
        }
        return cached.working();
    }

    private boolean decide(LocalDate day) {
        Optional<Boolean> fromTable = jdbc.sql("SELECT working FROM duban_calendar_day WHERE calendar_date = ?")
                .param(day).query(Boolean.class).optional();
        if (fromTable.isPresent()) {
            return fromTable.get();
        }
        Holiday h = HolidayUtil.getHoliday(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        if (h != null) {
            return h.isWork();
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day itself if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day {@code n} working days before {@code day} (n ≥ 1). */
    public LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** A year whose schedule duban has loaded, where it came from, how many days it sets. */
    public record KnownYear(int year, String source, String loadedBy, java.time.LocalDateTime loadedAt, long days) {}

    /** The first and last year of the holiday library's data. */
    static final int LIBRARY_FIRST = 2002;
    static final int LIBRARY_LAST = 2023;

    /**
     * Whether the year's official schedule is known: loaded (duban_calendar_year) or in the holiday library. A date
     * in any other year is computed on Monday to Friday, which is wrong around every holiday.
     */
    public boolean knowsYear(int year) {
        if (year >= LIBRARY_FIRST && year <= LIBRARY_LAST) {
            return true;
        }
        return jdbc.sql("SELECT COUNT(*) FROM duban_calendar_year WHERE calendar_year = ?").param(year).query(Long.class).single() > 0;
    }

    /** What a person choosing this date is told when its year's schedule is not known; empty when it is. */
    public Optional<String> unknownYearWarning(LocalDate day) {
        if (day == null || knowsYear(day.getYear())) {
            return Optional.empty();
        }
        return Optional.of(day.getYear() + " 年的法定节假日和调休安排尚未载入，该年的日期暂按周一至周五计算工作日"
                + "（截止日顺延、提醒日期可能因此不准）。请联系运维人员在“用户管理 → 工作日历”中载入该年安排。");
    }

    /**
     * What a person choosing this date as a deadline is told beside it: that its year's schedule is not loaded, or that
     * it is no working day and which is the next; empty for a working day of a known year.
     */
    public Optional<String> advice(LocalDate day) {
        return day == null ? Optional.empty() : Optional.of(answer(day).advice()).filter(a -> !a.isEmpty());
    }

    /** A day as a form asks about it, each part worked out once: working or not, the next working day, the advice. */
    public record DayAnswer(boolean working, LocalDate nextWorkingDay, boolean yearKnown, String warning, String advice) {}

    public DayAnswer answer(LocalDate day) {
        Optional<String> unknown = unknownYearWarning(day);
        boolean working = isWorkingDay(day);
        LocalDate next = working ? day : onOrAfter(day);
        String advice = unknown.orElse(working ? "" : day + " 不是工作日（下一个工作日为 " + next + "）");
        return new DayAnswer(working, next, unknown.isEmpty(), unknown.orElse(""), advice);
    }

    /** The years loaded into duban, newest first, with the number of days each sets. */
    @Transactional(readOnly = true)
    public java.util.List<KnownYear> loadedYears() {
        return jdbc.sql("""
                SELECT y.calendar_year, y.source, y.loaded_by, y.loaded_at,
                       (SELECT COUNT(*) FROM duban_calendar_day d WHERE EXTRACT(YEAR FROM d.calendar_date) = y.calendar_year) AS days
                FROM duban_calendar_year y ORDER BY y.calendar_year DESC""")
                .query((rs, n) -> new KnownYear(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime(), rs.getLong(5))).list();
    }

    /**
     * Loads a year's published schedule (a file of 日期,类型,名称 lines, see {@link YearSchedule}): replaces the
     * year's days, all or none, and marks the year known.
     */
    @Transactional
    public KnownYear loadYear(int year, String content, String source, String actor) {
        if (year < 2000 || year > 2100) {
            throw new cn.duban.support.Refusal("年份应在 2000～2100 之间");
        }
        java.util.List<YearSchedule.Day> days = YearSchedule.parse(year, content);
        String from = source == null || source.isBlank() ? "运维人员载入的文件" : source.strip();
        if (from.length() > 200) {
            throw new cn.duban.support.Refusal("来源说明过长（最多 200 字）");
        }
        jdbc.sql("DELETE FROM duban_calendar_day WHERE calendar_date BETWEEN ? AND ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        for (YearSchedule.Day d : days) {
            jdbc.sql("INSERT INTO duban_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)")
                    .params(d.date(), d.working(), d.name()).update();
        }
        jdbc.sql("DELETE FROM duban_calendar_year WHERE calendar_year = ?").param(year).update();
        jdbc.sql("INSERT INTO duban_calendar_year (calendar_year, source, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")
                .params(year, from, actor, java.time.LocalDateTime.now()).update();
        cache.keySet().removeIf(day -> day.getYear() == year);
        return loadedYears().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    /** Sets one day (an admin entering a newly published schedule, or correcting one). */
    @Transactional
    public void set(LocalDate day, boolean working, String name) {
        jdbc.sql("DELETE FROM duban_calendar_day WHERE calendar_date = ?").param(day).update();
        jdbc.sql("INSERT INTO duban_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)").params(day, working, name).update();
        cache.remove(day);
    }
}
