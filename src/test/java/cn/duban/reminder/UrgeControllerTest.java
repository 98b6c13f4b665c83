package cn.duban.reminder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** 催办 at the door (a slice: no engine, no database): who may urge, what the body means, what a bad body gets. */
@WebMvcTest(UrgeController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class UrgeControllerTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));
    static final CurrentUser DRAFTER = new CurrentUser("drafter1", List.of(Roles.DRAFTER));

    @Autowired MockMvc mvc;
    @MockitoBean UrgeService urges;
    @MockitoBean cn.duban.identity.People people;

    @Test
    void aUnitReadsTheUrgesItReceivedWithWhoUrgedByNameAndNoOtherUnitsUrges() throws Exception {
        CurrentUser zyy = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/campaigns/C1/units/rmyy/urges")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, zyy))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只能查看本单位收到的催办"));
        verifyNoInteractions(urges);
        var at = java.time.LocalDateTime.of(2026, 3, 21, 9, 0);
        when(urges.urgesOf("C1", "zyy")).thenReturn(List.of(new UrgeService.Urge(at, "wangshu", "请今日报送")));
        when(people.names(List.of("wangshu"))).thenReturn(Map.of("wangshu", "王姝"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/campaigns/C1/units/zyy/urges")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, zyy))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].urgedByName").value("王姝"))
                .andExpect(jsonPath("$[0].note").value("请今日报送")).andExpect(jsonPath("$[0].urgedBy").doesNotExist());
    }

    @Test
    void aReviewerUrgesTheNamedUnitsWithTheNote() throws Exception {
        when(urges.urge(eq("C1"), eq(List.of("zyy")), eq("请今日报送"), eq("reviewer1")))
                .thenReturn(new UrgeService.Result(List.of("zyy"), Map.of()));
        mvc.perform(post("/api/campaigns/C1/urge").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"units\":[\"zyy\"],\"note\":\"请今日报送\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.urged[0]").value("zyy"));
    }

    @Test
    void noUnitsMeansEveryLateUnit() throws Exception {
        when(urges.urge(eq("C1"), any(), any(), eq("reviewer1"))).thenReturn(new UrgeService.Result(List.of(), Map.of()));
        mvc.perform(post("/api/campaigns/C1/urge").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        verify(urges).urge("C1", null, null, "reviewer1");
    }

    @Test
    void aDrafterMayNotUrgeAndABrokenBodyIsRefusedInChinese() throws Exception {
        mvc.perform(post("/api/campaigns/C1/urge").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("只有本通知主办科室的报送审核人和负责人可以催办"));
        mvc.perform(post("/api/campaigns/C1/urge").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REVIEWER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"units\": \"zyy"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请求格式不正确，请刷新页面后重试"));
        verifyNoInteractions(urges);
    }
}
