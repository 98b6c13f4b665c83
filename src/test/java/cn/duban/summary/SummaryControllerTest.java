package cn.duban.summary;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The county summary's API at the door (a slice): only the supervision section reads every unit's figures. */
@WebMvcTest(SummaryController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class SummaryControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean SummaryService summaries;

    @Test
    void aUnitsPeopleMayNotReadTheCountySummary() throws Exception {
        mvc.perform(get("/api/campaigns/C1/summary")
                        .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser("zyy-head", List.of(Roles.UNIT_HEAD, "unit-zyy"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅本通知的主办科室、局领导和运维人员可以查看全县汇总"));
        verifyNoInteractions(summaries);
    }
}
