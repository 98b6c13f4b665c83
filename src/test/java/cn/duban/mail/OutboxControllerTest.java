package cn.duban.mail;

import static org.mockito.Mockito.verify;
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

/** The outbox at the door (a slice): the section and operators only; one campaign's mail, or the latest 500. */
@WebMvcTest(OutboxController.class)
class OutboxControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean Outbox outbox;

    @Test
    void aUnitReadsNoMailOfOthers() throws Exception {
        mvc.perform(get("/api/outbox").requestAttr(CurrentUser.REQUEST_ATTRIBUTE,
                        new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅综合监督科和运维人员可以查看发件箱"));
        verifyNoInteractions(outbox);
    }

    @Test
    void theSectionReadsOneCampaignsMailOrTheLatest() throws Exception {
        CurrentUser reviewer = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));
        mvc.perform(get("/api/outbox").param("campaignId", "C1").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, reviewer))
                .andExpect(status().isOk());
        verify(outbox).list("C1");
        mvc.perform(get("/api/outbox").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, reviewer)).andExpect(status().isOk());
        verify(outbox).recent(500);
    }
}
