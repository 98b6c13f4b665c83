package cn.duban.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A year's official holiday schedule as an operator loads it, one day per line: {@code 日期,类型,名称} —
 * {@code 2027-01-01,休,元旦}, {@code 2027-02-07,班,春节调休} (类型 休/班, or holiday/workday). A header line is
 * allowed; every day must fall in the year; every bad line is reported with its number and nothing is loaded.
 */
final class YearSchedule {

    /** One day of the schedule: a holiday (not working), or a weekend day worked instead (调休上班). */
    record Day(LocalDate date, boolean working, String name) {}

    private static final Map<String, Boolean> KINDS = Map.of("休", false, "假", false, "holiday", false, "off", false,
            "班", true, "上班", true, "workday", true, "work", true);

    private YearSchedule() {}

    /**
     * The year's days as a file of the kind {@link #parse} reads (日期,类型,名称; 休 or 班): what the page offers to
     * download, to read or to edit and load again. With a few comment lines on how to write it; with no days yet (a
     * year the library does not know), the lines of an example, commented out.
     */
    static String csv(int year, List<Day> days) {
        StringBuilder b = new StringBuilder("\uFEFF# ").append(year).append(" 年的法定节假日和调休安排：每行一天，日期,类型,名称；类型为 休（放假）或 班（调休上班）\n")
                .append("# 以 # 开头的行不读；按国务院办公厅公布的安排修改后，在 Admin 的“工作日历”中载入\n")
                .append("日期,类型,名称\n");
        if (days.isEmpty()) {
            b.append("# ").append(year).append("-01-01,休,元旦\n# ").append(year).append("-10-01,休,国庆节\n# ")
                    .append(year).append("-10-11,班,国庆节调休上班\n");
        }
        for (Day d : days) {
            b.append(d.date()).append(',').append(d.working() ? "班" : "休").append(',').append(quoted(d.name())).append('\n');
        }
        return b.toString();
    }

    private static String quoted(String name) {
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    static List<Day> parse(int year, String content) {
        List<String> problems = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(content.replace("\uFEFF", ""),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').get())) {
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.size() == 0 || "日期".equals(r.get(0)) || "date".equalsIgnoreCase(r.get(0))
                        || (line == 1 && !r.get(0).matches("\\d{4}-.*"))) {
                    continue; // a header line (after comment lines too, as in the file duban offers to download)
                }
                if (r.size() < 3) {
                    problems.add("第 " + line + " 行应为 日期,类型,名称（如 " + year + "-10-01,休,国庆节）");
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(r.get(0));
                } catch (DateTimeParseException e) {
                    problems.add("第 " + line + " 行：日期“" + r.get(0) + "”不是有效的日期，应写成 " + year + "-10-01 这样（年-月-日）");
                    continue;
                }
                Boolean working = KINDS.get(r.get(1).toLowerCase(java.util.Locale.ROOT));
                String name = r.get(2);
                if (date.getYear() != year) {
                    problems.add("第 " + line + " 行：" + date + " 不在 " + year + " 年");
                } else if (!seen.add(date)) {
                    problems.add("第 " + line + " 行：" + date + " 重复");
                }
                if (working == null) {
                    problems.add("第 " + line + " 行：类型“" + r.get(1) + "”应为 休 或 班");
                }
                if (name.isBlank() || name.length() > 100) {
                    problems.add("第 " + line + " 行：名称必填（如 国庆节、春节调休，最多 100 字）");
                }
                if (working != null) {
                    days.add(new Day(date, working, name));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add("文件不是有效的 CSV（引号不成对）");
        }
        if (problems.isEmpty() && days.stream().noneMatch(d -> !d.working())) {
            problems.add("文件中没有任何放假日期（类型为“休”的行），请检查是否选错了文件");
        }
        if (!problems.isEmpty()) {
            throw new CalendarException("节假日安排有误，未载入：" + String.join("；", problems), problems);
        }
        return days;
    }

    /** A day whose working status a new schedule changes: what it was, what it becomes. */
    record Flip(LocalDate date, boolean wasWorking, String wasName, boolean working, String name) {

        /** As the operator reads it: 2026-01-01（周四）：休息日（元旦）→工作日. */
        String say() {
            return date + "（" + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + "）：" + label(wasWorking, wasName) + "→" + label(working, name);
        }

        private static String label(boolean working, String name) {
            return (working ? "工作日" : "休息日") + (name == null || name.isBlank() ? "" : "（" + name + "）");
        }
    }

    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    static String weekday(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }

    /**
     * The days whose working status changes when {@code next} replaces {@code current} (the year's days as they stand:
     * loaded, or the holiday library's), in date order. A day neither lists is what it is {@code without} a schedule
     * (the holiday library, else Monday to Friday), before and after.
     */
    static List<Flip> flips(List<Day> current, List<Day> next, java.util.function.Function<LocalDate, Day> without) {
        Map<LocalDate, Day> before = new java.util.TreeMap<>();
        current.forEach(d -> before.put(d.date(), d));
        Map<LocalDate, Day> after = new java.util.TreeMap<>();
        next.forEach(d -> after.put(d.date(), d));
        Set<LocalDate> dates = new java.util.TreeSet<>(before.keySet());
        dates.addAll(after.keySet());
        List<Flip> out = new ArrayList<>();
        for (LocalDate date : dates) {
            Day was = before.containsKey(date) ? before.get(date) : without.apply(date);
            Day will = after.containsKey(date) ? after.get(date) : without.apply(date);
            if (was.working() != will.working()) {
                out.add(new Flip(date, was.working(), was.name(), will.working(), will.name()));
            }
        }
        return out;
    }

    /** The festivals of 《全国年节及纪念日放假办法》 and their days off since 2025 (元旦 1, 春节 4, …, 国庆 3: 13 days). */
    private static final List<Map.Entry<String, Integer>> FESTIVALS = List.of(Map.entry("元旦", 1), Map.entry("春节", 4),
            Map.entry("清明", 1), Map.entry("劳动", 2), Map.entry("端午", 1), Map.entry("中秋", 1), Map.entry("国庆", 3));

    /** The statutory days off of a year: 13 from 2025, 11 from 2008 (春节 and 劳动节 a day shorter), 10 before. */
    static int statutoryDays(int year) {
        return year >= 2025 ? 13 : year >= 2008 ? 11 : 10;
    }

    /** More days off than this in one year's file is a wrong file or 休 and 班 swapped: the real ones have about 30. */
    static final int MOST_PLAUSIBLE_DAYS_OFF = 60;

    /**
     * What makes a year's file doubtful, each said in Chinese (none: it looks like a real schedule): fewer days off than
     * the law gives, far more than any real year, a festival without its days, most of the current schedule's days off
     * turned into working days, or a schedule shipped with duban ({@code replacesOfficial}: its source) replaced. A
     * doubtful file is loaded only when the operator confirms it, having read these.
     */
    static List<String> doubts(int year, List<Day> current, List<Day> next, List<Flip> flips, String replacesOfficial) {
        List<String> out = new ArrayList<>();
        long off = next.stream().filter(d -> !d.working()).count();
        int statutory = statutoryDays(year);
        if (off < statutory) {
            out.add("文件只有 " + off + " 天放假，少于每年的法定节假日（" + statutory + " 天："
                    + (year >= 2025 ? "元旦 1 天、春节 4 天、清明节 1 天、劳动节 2 天、端午节 1 天、中秋节 1 天、国庆节 3 天"
                    : "元旦 1 天、春节 3 天、清明节 1 天、劳动节 1 天、端午节 1 天、中秋节 1 天、国庆节 3 天") + "）");
        }
        if (off > MOST_PLAUSIBLE_DAYS_OFF) {
            out.add("文件有 " + off + " 天放假，远多于往年（通常 30 天左右），请检查是否选错了文件或类型写反了");
        }
        List<String> missing = FESTIVALS.stream().map(Map.Entry::getKey)
                .filter(f -> next.stream().noneMatch(d -> !d.working() && d.name().contains(f)))
                .map(f -> f.length() == 2 && !f.equals("元旦") && !f.equals("春节") ? f + "节" : f).toList();
        if (!missing.isEmpty() && off <= MOST_PLAUSIBLE_DAYS_OFF) {
            out.add("文件中没有" + String.join("、", missing) + "的放假日期");
        }
        long currentOff = current.stream().filter(d -> !d.working()).count();
        long toWork = flips.stream().filter(Flip::working).count();
        if (currentOff > 0 && toWork * 2 > currentOff) {
            out.add("现行安排的 " + currentOff + " 天放假日中，有 " + toWork + " 天将改为工作日");
        }
        if (replacesOfficial != null) {
            out.add(year + " 年的安排是随系统发布的官方安排（" + replacesOfficial + "），载入后将被替换");
        }
        return out;
    }

    /** A schedule that cannot be loaded; each problem names its line. */
    static final class CalendarException extends cn.duban.support.Refusal {
        private final List<String> problems;

        CalendarException(String message, List<String> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("problems", problems);
        }
    }
}
