package cn.duban.distribution;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.identity.Roles;
import cn.duban.report.LateAddition;
import cn.duban.unit.Units;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** 补发 at the door (a slice): the section's drafters and head send, a reviewer or an operator may only look, a unit neither. */
@WebMvcTest(LateAdditionController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class LateAdditionControllerTest {

    static final CurrentUser DRAFTER = new CurrentUser("yanglei", List.of(Roles.DRAFTER));
    static final CurrentUser OPERATOR = new CurrentUser("operator", List.of(Roles.OPERATOR));
    static final CurrentUser UNIT = new CurrentUser("rmyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "rmyy"));

    @Autowired MockMvc mvc;
    @MockitoBean LateAdditions additions;
    @MockitoBean People people;
    @MockitoBean Units units;

    @Test
    void onlyTheSectionsDraftersAndHeadSendANoticeLateAndAUnitSeesNothing() throws Exception {
        for (CurrentUser other : List.of(OPERATOR, UNIT)) {
            mvc.perform(post("/api/campaigns/C1/units/xqyy/late-addition").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, other)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"dueDate\":\"2026-12-30\"}"))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只有本通知主办科室的拟稿人和科长可以补发通知"));
        }
        mvc.perform(get("/api/campaigns/C1/late-additions").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(additions);
        when(additions.add("C1", "xqyy", LocalDate.of(2026, 12, 30), "新设立", "yanglei"))
                .thenReturn(new LateAddition("xqyy", LocalDate.of(2026, 12, 30), "新设立", "yanglei", LocalDateTime.of(2026, 12, 8, 10, 0)));
        when(people.names(List.of("yanglei"))).thenReturn(Map.of("yanglei", "杨磊"));
        mvc.perform(post("/api/campaigns/C1/units/xqyy/late-addition").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueDate\":\"2026-12-30\",\"reason\":\"新设立\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.addedByName").value("杨磊")).andExpect(jsonPath("$.dueDate").value("2026-12-30"));
        mvc.perform(post("/api/campaigns/C1/units/xqyy/late-addition").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueDate\":\"12月30日\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("报送期限应为形如 2026-03-20 的日期（年-月-日）"));
    }
}
