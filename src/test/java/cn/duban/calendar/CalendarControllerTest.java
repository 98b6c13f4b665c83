package cn.duban.calendar;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The working-day calendar's API at the door (a slice): who may enter a day, and what a bad day or body gets. */
@WebMvcTest(CalendarController.class)
class CalendarControllerTest {

    static final CurrentUser OPERATOR = new CurrentUser("ops1", List.of(Roles.OPERATOR));
    static final CurrentUser CLERK = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, "unit-zyy"));
    static final LocalDate NATIONAL_DAY = LocalDate.of(2027, 10, 1);

    @Autowired MockMvc mvc;
    @MockitoBean WorkCalendar calendar;
    @MockitoBean cn.duban.identity.People people;

    @Test
    void anOperatorEntersANewlyPublishedHoliday() throws Exception {
        when(calendar.answer(NATIONAL_DAY)).thenReturn(new WorkCalendar.DayAnswer(false, NATIONAL_DAY.plusDays(7), true, "",
                "2027-10-01 不是工作日（下一个工作日为 2027-10-08）"));
        mvc.perform(put("/api/calendar/2027-10-01").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"working\":false,\"name\":\" 国庆节 \"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nextWorkingDay").value("2027-10-08"));
        verify(calendar).set(NATIONAL_DAY, false, "国庆节", "ops1");
    }

    @Test
    void aClerkANonsenseDayAndAMissingNameAreRefusedInChinese() throws Exception {
        mvc.perform(put("/api/calendar/2027-10-01").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"working\":false,\"name\":\"国庆节\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只有管理员可以维护工作日历"));
        mvc.perform(get("/api/calendar/2027-13-45").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请求格式不正确，请刷新页面后重试"));
        mvc.perform(put("/api/calendar/2027-10-01").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"working\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("请给出 working")));
        verifyNoInteractions(calendar);
    }

    @Test
    void onlyOperatorsLoadAYearAndADateOfAnUnknownYearCarriesItsWarning() throws Exception {
        var file = new org.springframework.mock.web.MockMultipartFile("file", "2027.csv", "text/csv", "2027-01-01,休,元旦".getBytes());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/calendar/years/2027").file(file)
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/calendar/years").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK)).andExpect(status().isForbidden());
        verifyNoInteractions(calendar);
        when(calendar.answer(NATIONAL_DAY)).thenReturn(new WorkCalendar.DayAnswer(true, NATIONAL_DAY, false,
                "2027 年的法定节假日和调休安排尚未载入", "2027 年的法定节假日和调休安排尚未载入"));
        mvc.perform(get("/api/calendar/2027-10-01").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK))
                .andExpect(status().isOk()).andExpect(jsonPath("$.yearKnown").value(false))
                .andExpect(jsonPath("$.warning").value("2027 年的法定节假日和调休安排尚未载入"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/calendar/years/2027").file(file)
                        .param("source", "国办发明电").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk());
        verify(calendar).loadYear(2027, "2027-01-01,休,元旦", "国办发明电", "ops1", false);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/calendar/years/2027").file(file)
                        .param("confirm", "true").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk());
        verify(calendar).loadYear(2027, "2027-01-01,休,元旦", null, "ops1", true);
    }

    @Test
    void aPreviewAndTheChangesAreForOperatorsAndTheChangesNameThePerson() throws Exception {
        var file = new org.springframework.mock.web.MockMultipartFile("file", "2027.csv", "text/csv", "2027-01-01,休,元旦".getBytes());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/calendar/years/2027/preview")
                        .file(file).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/calendar/changes").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK)).andExpect(status().isForbidden());
        verifyNoInteractions(calendar);
        when(calendar.preview(2027, "2027-01-01,休,元旦")).thenReturn(new WorkCalendar.YearPreview(2027, 1, 1, 0,
                List.of("2027-01-01（周五）：工作日→休息日（元旦）"), 0, 1, List.of("文件只有 1 天放假"), null, false));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/calendar/years/2027/preview")
                        .file(file).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.flips[0]").value("2027-01-01（周五）：工作日→休息日（元旦）"))
                .andExpect(jsonPath("$.doubts[0]").value("文件只有 1 天放假"));
        when(calendar.changes(100)).thenReturn(List.of(new WorkCalendar.Change(java.time.LocalDateTime.of(2026, 12, 1, 9, 30), "ops1", 2027,
                null, "载入 2027 年安排"), new WorkCalendar.Change(java.time.LocalDateTime.of(2026, 11, 1, 9, 30), "gone", 2027, null, "修改")));
        when(people.names(java.util.Set.of("ops1", "gone"))).thenReturn(java.util.Map.of("ops1", "王运维"));
        mvc.perform(get("/api/calendar/changes").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].by").value("王运维"))
                .andExpect(jsonPath("$[0].summary").value("载入 2027 年安排")).andExpect(jsonPath("$[1].by").value("gone"));
    }

    @Test
    void aYearsDaysAndItsFileAreForOperators() throws Exception {
        when(calendar.csvOf(2027)).thenReturn("日期,类型,名称\n2027-10-01,休,国庆节\n");
        mvc.perform(get("/api/calendar/years/2027/schedule.csv").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E6%97%A5%E5%8E%86-2027.csv")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("2027-10-01,休,国庆节")));
        for (String url : List.of("/api/calendar/years/2027/schedule.csv", "/api/calendar/years/2027/days")) {
            mvc.perform(get(url).requestAttr(CurrentUser.REQUEST_ATTRIBUTE, CLERK)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message").value("只有管理员可以维护工作日历"));
        }
    }
}
