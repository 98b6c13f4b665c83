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

    /** Sets one day (an admin entering a newly published schedule, or correcting one). */
    @Transactional
    public void set(LocalDate day, boolean working, String name) {
        jdbc.sql("DELETE FROM duban_calendar_day WHERE calendar_date = ?").param(day).update();
        jdbc.sql("INSERT INTO duban_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)").params(day, working, name).update();
        cache.remove(day);
    }
}
