package cn.duban.dashboard;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The 督办看板's API at the door (a slice): only the section and operators; bad filters answered in Chinese. */
@WebMvcTest(DashboardController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class DashboardControllerTest {

    static final CurrentUser UNIT = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, "unit-zyy"));
    static final CurrentUser HEAD = new CurrentUser("head1", List.of(Roles.SECTION_HEAD));

    @Autowired MockMvc mvc;
    @MockitoBean DashboardService dashboard;

    @Test
    void aUnitsPeopleGet403InChinese() throws Exception {
        mvc.perform(get("/api/dashboard/campaigns").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅局机关人员和运维人员可以查看督办看板"));
        verifyNoInteractions(dashboard);
    }

    @Test
    void anUnknownStatusFilterOrAPageThatIsNoNumberIs400InChinese() throws Exception {
        mvc.perform(get("/api/dashboard/campaigns/C1?bucket=LOST").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, HEAD))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(Matchers.startsWith("未知的状态筛选：LOST")));
        mvc.perform(get("/api/dashboard/campaigns/C1?page=two").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, HEAD))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请求格式不正确，请刷新页面后重试"));
        verifyNoInteractions(dashboard);
    }
}
