package cn.duban.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
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

/** The audit listing at the door (a slice): who may read it, and its parameters read into one AuditQuery. */
@WebMvcTest(AuditController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class AuditControllerTest {

    static final CurrentUser DRAFTER = new CurrentUser("drafter1", List.of(Roles.DRAFTER));
    static final CurrentUser UNIT = new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, "unit-zyy"));

    @Autowired MockMvc mvc;
    @MockitoBean AuditService audit;

    @Test
    void theParametersBecomeOneQuery() throws Exception {
        when(audit.list(eq("C1"), any())).thenReturn(new AuditQuery.Page(0, 1, 20, List.of()));
        mvc.perform(get("/api/campaigns/C1/audit?kind=downloads&who=reviewer1&unit=zyy&from=2026-03-01&to=2026-03-31&page=1&size=20")
                .requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER)).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(20));
        verify(audit).list("C1", new AuditQuery(AuditQuery.Kind.DOWNLOADS, "reviewer1", "zyy", java.time.LocalDate.of(2026, 3, 1),
                java.time.LocalDate.of(2026, 3, 31), 1, 20));
    }

    @Test
    void aUnitMayNotReadTheAuditAndABadPeriodIsRefusedInChinese() throws Exception {
        mvc.perform(get("/api/campaigns/C1/audit").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, UNIT))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅本通知的主办科室、局领导和运维人员可以查看审计记录"));
        mvc.perform(get("/api/campaigns/C1/audit?from=2026-03-31&to=2026-03-01").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, DRAFTER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("截止日期不能早于起始日期"));
        verifyNoInteractions(audit);
    }
}
