package cn.duban.calendar;

import com.nlf.calendar.Holiday;
import com.nlf.calendar.util.HolidayUtil;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
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

    private final java.time.Clock clock;

    /** Outside Spring (a test reading a node's database): changes are timed by the system clock. */
    public WorkCalendar(JdbcClient jdbc) {
        this(jdbc, java.time.Clock.systemDefaultZone());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public WorkCalendar(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
     * What loading a year's file would change, for the operator to read before confirming (issue 27 item 13): its days,
     * the days whose working status flips (by date, with their names), the doubts that make it ask for an explicit
     * confirmation, and the schedule it replaces.
     *
     * @param flips    each flip as the page shows it: 2026-01-01（周四）：休息日（元旦）→工作日
     * @param doubts   empty for a plausible file; otherwise loading needs {@code confirm}
     * @param replaces the year's schedule now loaded, or null
     */
    public record YearPreview(int year, int days, long daysOff, long daysWorked, List<String> flips, long toWorking,
                              long toOff, List<String> doubts, KnownYear replaces, boolean replacesOfficial) {}

    /** The loaded year, and what loading it changed. */
    public record LoadedYear(int year, String source, String loadedBy, java.time.LocalDateTime loadedAt, long days,
                             List<String> flips) {}

    @Transactional(readOnly = true)
    public YearPreview preview(int year, String content) {
        requireYear(year);
        return preview(year, YearSchedule.parse(year, content));
    }

    private YearPreview preview(int year, List<YearSchedule.Day> next) {
        List<YearSchedule.Day> current = currentDays(year);
        List<YearSchedule.Flip> flips = YearSchedule.flips(current, next, this::withoutSchedule);
        KnownYear replaces = loadedYears().stream().filter(y -> y.year() == year).findFirst().orElse(null);
        boolean official = replaces != null && SHIPPED.equals(replaces.loadedBy());
        List<String> doubts = YearSchedule.doubts(year, current, next, flips, official ? replaces.source() : null);
        return new YearPreview(year, next.size(), next.stream().filter(d -> !d.working()).count(),
                next.stream().filter(YearSchedule.Day::working).count(), flips.stream().map(YearSchedule.Flip::say).toList(),
                flips.stream().filter(YearSchedule.Flip::working).count(), flips.stream().filter(f -> !f.working()).count(),
                doubts, replaces, official);
    }

    /** A day of a year's schedule as the page lists it: the date, its weekday, working or not, and its name. */
    public record ScheduledDay(LocalDate date, String weekday, boolean working, String name) {}

    /** The year's holidays and worked weekend days as they stand (the library's, with duban's table over them). */
    @Transactional(readOnly = true)
    public List<ScheduledDay> daysOf(int year) {
        requireYear(year);
        return currentDays(year).stream().map(d -> new ScheduledDay(d.date(), YearSchedule.weekday(d.date()), d.working(), d.name())).toList();
    }

    /** The same as a file to download: the format a year is loaded in, so it serves as the template too. */
    @Transactional(readOnly = true)
    public String csvOf(int year) {
        requireYear(year);
        return YearSchedule.csv(year, currentDays(year));
    }

    /** Who loaded the schedules duban ships (V3, V11). */
    static final String SHIPPED = "system";

    /** The year's days as they stand: the holiday library's, with the days of duban's table over them. */
    private List<YearSchedule.Day> currentDays(int year) {
        Map<LocalDate, YearSchedule.Day> days = new java.util.TreeMap<>();
        if (year >= LIBRARY_FIRST && year <= LIBRARY_LAST) {
            for (Holiday h : HolidayUtil.getHolidays(year)) {
                LocalDate d = LocalDate.parse(h.getDay());
                if (d.getYear() == year) {
                    days.put(d, new YearSchedule.Day(d, h.isWork(), h.getName()));
                }
            }
        }
        jdbc.sql("SELECT calendar_date, working, name FROM duban_calendar_day WHERE calendar_date BETWEEN ? AND ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new YearSchedule.Day(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
                .list().forEach(d -> days.put(d.date(), d));
        return List.copyOf(days.values());
    }

    /** A day as it is without duban's table: the holiday library's, else Monday to Friday. */
    private YearSchedule.Day withoutSchedule(LocalDate day) {
        Holiday h = HolidayUtil.getHoliday(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        if (h != null) {
            return new YearSchedule.Day(day, h.isWork(), h.getName());
        }
        return new YearSchedule.Day(day, day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY, "");
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new cn.duban.support.Refusal("年份应在 2000～2100 之间");
        }
    }

    /**
     * Loads a year's published schedule (a file of 日期,类型,名称 lines, see {@link YearSchedule}): replaces the
     * year's days, all or none, marks the year known and records who changed what. A doubtful file (too few days off,
     * a festival missing, most days off turned into working days, a schedule shipped with duban replaced) is refused
     * with its doubts unless {@code confirmed}: the operator has read them in the preview.
     */
    @Transactional
    public LoadedYear loadYear(int year, String content, String source, String actor, boolean confirmed) {
        requireYear(year);
        java.util.List<YearSchedule.Day> days = YearSchedule.parse(year, content);
        String from = source == null || source.isBlank() ? "运维人员载入的文件" : source.strip();
        if (from.length() > 200) {
            throw new cn.duban.support.Refusal("来源说明过长（最多 200 字）");
        }
        YearPreview preview = preview(year, days);
        if (!preview.doubts().isEmpty() && !confirmed) {
            throw new Unconfirmed(year, preview.doubts());
        }
        jdbc.sql("DELETE FROM duban_calendar_day WHERE calendar_date BETWEEN ? AND ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        for (YearSchedule.Day d : days) {
            jdbc.sql("INSERT INTO duban_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)")
                    .params(d.date(), d.working(), d.name()).update();
        }
        jdbc.sql("DELETE FROM duban_calendar_year WHERE calendar_year = ?").param(year).update();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        jdbc.sql("INSERT INTO duban_calendar_year (calendar_year, source, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")
                .params(year, from, actor, now).update();
        StringBuilder summary = new StringBuilder("载入 " + year + " 年安排（" + from + "），共 " + days.size() + " 天（放假 "
                + preview.daysOff() + " 天，调休上班 " + preview.daysWorked() + " 天）");
        if (preview.replaces() != null) {
            summary.append("，替换了").append(preview.replacesOfficial() ? "随系统发布的官方安排"
                    : " " + preview.replaces().loadedBy() + " 于 " + preview.replaces().loadedAt().toLocalDate() + " 载入的安排");
        }
        summary.append(preview.flips().isEmpty() ? "；没有日期改变" : "；" + preview.toOff() + " 天改为休息日、" + preview.toWorking()
                + " 天改为工作日：" + String.join("；", preview.flips()));
        if (!preview.doubts().isEmpty()) {
            summary.append("。已确认：").append(String.join("；", preview.doubts()));
        }
        record(now, actor, year, null, summary.toString());
        cache.keySet().removeIf(day -> day.getYear() == year);
        KnownYear y = loadedYears().stream().filter(k -> k.year() == year).findFirst().orElseThrow();
        return new LoadedYear(y.year(), y.source(), y.loadedBy(), y.loadedAt(), y.days(), preview.flips());
    }

    /** A doubtful year's file loaded without confirmation: 409 with the doubts, for the page to show. */
    static final class Unconfirmed extends cn.duban.support.Refusal {
        private final List<String> doubts;

        Unconfirmed(int year, List<String> doubts) {
            super(CONFLICT, "载入 " + year + " 年安排前请确认：" + String.join("；", doubts) + "。请先预览，核对无误后再确认载入");
            this.doubts = List.copyOf(doubts);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("problems", doubts, "confirmationRequired", true);
        }
    }

    /** Sets one day (an operator correcting a schedule) and records who changed it from what to what. */
    @Transactional
    public String set(LocalDate day, boolean working, String name, String actor) {
        YearSchedule.Day was = currentDays(day.getYear()).stream().filter(d -> d.date().equals(day)).findFirst()
                .orElseGet(() -> withoutSchedule(day));
        jdbc.sql("DELETE FROM duban_calendar_day WHERE calendar_date = ?").param(day).update();
        jdbc.sql("INSERT INTO duban_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)").params(day, working, name).update();
        cache.remove(day);
        String summary = new YearSchedule.Flip(day, was.working(), was.name(), working, name).say();
        record(java.time.LocalDateTime.now(clock), actor, day.getYear(), day, "修改 " + summary);
        return summary;
    }

    /** A change of the calendar as the page lists it: when, by whom (the login; the page shows the name), what. */
    public record Change(java.time.LocalDateTime at, String by, int year, LocalDate day, String summary) {}

    /** The latest changes, newest first. */
    @Transactional(readOnly = true)
    public List<Change> changes(int limit) {
        return jdbc.sql("SELECT changed_at, changed_by, calendar_year, calendar_date, summary FROM duban_calendar_change"
                        + " ORDER BY changed_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY")
                .query((rs, n) -> new Change(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    }

    private void record(java.time.LocalDateTime at, String actor, int year, LocalDate day, String summary) {
        jdbc.sql("INSERT INTO duban_calendar_change (changed_at, changed_by, calendar_year, calendar_date, summary) VALUES (?, ?, ?, ?, ?)")
                .params(at, actor, year, day, summary.length() > 4000 ? summary.substring(0, 3999) + "…" : summary).update();
    }

}
