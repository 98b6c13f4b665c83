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

    static List<Day> parse(int year, String content) {
        List<String> problems = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(content.replace("\uFEFF", ""),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').get())) {
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.size() == 0 || (line == 1 && !r.get(0).matches("\\d{4}-.*"))) {
                    continue; // a header line
                }
                if (r.size() < 3) {
                    problems.add("第 " + line + " 行应为 日期,类型,名称（如 " + year + "-10-01,休,国庆节）");
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(r.get(0));
                } catch (DateTimeParseException e) {
                    problems.add("第 " + line + " 行：日期“" + r.get(0) + "”应为 yyyy-MM-dd");
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
