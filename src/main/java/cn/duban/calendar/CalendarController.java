package cn.duban.calendar;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.support.Forbidden;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reading the working-day calendar, and an admin entering a newly published year's days. */
@RestController
class CalendarController {

    /** One day as an admin enters it. */
    record Day(Boolean working, String name) {}

    private final WorkCalendar calendar;

    CalendarController(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/calendar/{day}")
    Map<String, Object> get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return Map.of("day", day.toString(), "working", calendar.isWorkingDay(day), "nextWorkingDay", calendar.onOrAfter(day).toString());
    }

    @PutMapping("/api/calendar/{day}")
    Map<String, Object> put(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody Day body) {
        if (!user.isIn(Roles.ADMIN) && !user.isIn(Roles.OPERATOR)) {
            throw new Forbidden("只有管理员可以维护工作日历");
        }
        if (body == null || body.working() == null || body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw new cn.duban.support.Refusal("请给出 working（true/false）和 name（如“国庆节”，最多 100 字）");
        }
        calendar.set(day, body.working(), body.name().strip());
        return get(day);
    }
}
