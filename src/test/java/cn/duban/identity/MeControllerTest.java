package cn.duban.identity;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who is logged in (a slice): a name and Chinese roles, never the group ids; the section is no operator. */
@WebMvcTest(MeController.class)
class MeControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean People people;

    @Test
    void theSectionHeadIsNamedWithChineseRolesAndIsNoOperator() throws Exception {
        when(people.names(List.of("zhangke"))).thenReturn(Map.of("zhangke", "张珂"));
        mvc.perform(get("/api/me").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser("zhangke", List.of(Roles.SECTION_HEAD))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("张珂"))
                .andExpect(jsonPath("$.roles[0]").value("科长（核稿）"))
                .andExpect(jsonPath("$.operator").value(false)).andExpect(jsonPath("$.supervision").value(true))
                .andExpect(jsonPath("$.startsCampaigns").value(false));
        mvc.perform(get("/api/me").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser("yanglei", List.of(Roles.DRAFTER, Roles.REVIEWER))))
                .andExpect(jsonPath("$.startsCampaigns").value(true));
        // an office of its own's drafter starts its notices too (发起流程 in its Tasklist)
        mvc.perform(get("/api/me").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser("fbg-d",
                        List.of(Roles.officeGroup("fbg", Roles.OfficeRole.DRAFTER)))))
                .andExpect(jsonPath("$.startsCampaigns").value(true));
        mvc.perform(get("/api/me").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser("ops1", List.of(Roles.OPERATOR))))
                .andExpect(jsonPath("$.operator").value(true)).andExpect(jsonPath("$.roles[0]").value("运维人员"));
    }
}
