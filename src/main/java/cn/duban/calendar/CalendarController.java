package cn.duban.calendar;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Reading the working-day calendar, and an admin entering a newly published year's days. */
@RestController
class CalendarController {

    /** One day as an admin enters it. */
    record Day(Boolean working, String name) {}

    private final WorkCalendar calendar;
    private final cn.duban.identity.People people;

    CalendarController(WorkCalendar calendar, cn.duban.identity.People people) {
        this.calendar = calendar;
        this.people = people;
    }

    /**
     * A day as the forms ask about it: working or not, the next working day, and — when its year's schedule is not
     * loaded — the warning the drafter is shown beside the date.
     */
    @GetMapping("/api/calendar/{day}")
    Map<String, Object> get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        var a = calendar.answer(day);
        return Map.of("day", day.toString(), "working", a.working(), "nextWorkingDay", a.nextWorkingDay().toString(),
                "yearKnown", a.yearKnown(), "warning", a.warning(), "advice", a.advice());
    }

    /** The years loaded, the library's range, and whether this year and the next are known. */
    @GetMapping("/api/calendar/years")
    Map<String, Object> years(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        requireOperator(user);
        int thisYear = LocalDate.now().getYear();
        java.util.List<String> missing = java.util.stream.IntStream.rangeClosed(thisYear, thisYear + 1)
                .filter(y -> !calendar.knowsYear(y)).mapToObj(y -> y + " 年").toList();
        return Map.of("loaded", calendar.loadedYears(), "library", WorkCalendar.LIBRARY_FIRST + "–" + WorkCalendar.LIBRARY_LAST,
                "missing", missing);
    }

    /**
     * What loading a year's file would change, for the operator to confirm on the page: the days that flip (by date,
     * with their names) and the doubts that make loading ask for {@code confirm}. Nothing is changed.
     */
    @PostMapping("/api/calendar/years/{year}/preview")
    WorkCalendar.YearPreview previewYear(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable int year,
                                         @RequestParam("file") MultipartFile file) {
        requireOperator(user);
        return calendar.preview(year, schedule(file));
    }

    /**
     * Loads a year's published schedule from a file (日期,类型,名称 per line), replacing that year's days. A doubtful
     * file (see the preview) is refused with 409 and its doubts unless {@code confirm=true}.
     */
    @PostMapping("/api/calendar/years/{year}")
    WorkCalendar.LoadedYear loadYear(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable int year,
                                     @RequestParam("file") MultipartFile file, @RequestParam(required = false) String source,
                                     @RequestParam(defaultValue = "false") boolean confirm) {
        requireOperator(user);
        return calendar.loadYear(year, schedule(file), source, user.id(), confirm);
    }

    /** A year's holidays and worked weekend days, as the page lists them. */
    @GetMapping("/api/calendar/years/{year}/days")
    java.util.List<WorkCalendar.ScheduledDay> days(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable int year) {
        requireOperator(user);
        return calendar.daysOf(year);
    }

    /** The same as the file a year is loaded from (日期,类型,名称): to read, or to edit and load as a template. */
    @GetMapping("/api/calendar/years/{year}/schedule.csv")
    org.springframework.http.ResponseEntity<String> csv(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable int year) {
        requireOperator(user);
        String body = calendar.csvOf(year);
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename("工作日历-" + year + ".csv", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }

    private static String schedule(MultipartFile file) {
        return cn.duban.support.UploadedText.read(file, 200_000, "文件过大（一年的安排不超过 200 KB）", "安排文件");
    }

    /** One change of the calendar as the page lists it: when, who (by name), what. */
    record ChangeView(java.time.LocalDateTime at, String by, String summary) {}

    /** Every year loaded and day changed, newest first: who, when, what. */
    @GetMapping("/api/calendar/changes")
    java.util.List<ChangeView> changes(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        requireOperator(user);
        var changes = calendar.changes(100);
        Map<String, String> names = people.names(changes.stream().map(WorkCalendar.Change::by).collect(java.util.stream.Collectors.toSet()));
        return changes.stream().map(c -> new ChangeView(c.at(), names.getOrDefault(c.by(), c.by()), c.summary())).toList();
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.isOperator()) {
            throw new Forbidden("只有管理员可以维护工作日历");
        }
    }

    @PutMapping("/api/calendar/{day}")
    Map<String, Object> put(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody Day body) {
        requireOperator(user);
        if (body == null || body.working() == null || body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw new cn.duban.support.Refusal("请给出 working（true/false）和 name（如“国庆节”，最多 100 字）");
        }
        String changed = calendar.set(day, body.working(), body.name().strip(), user.id());
        Map<String, Object> out = new java.util.LinkedHashMap<>(get(day));
        out.put("changed", changed);
        return out;
    }
}
