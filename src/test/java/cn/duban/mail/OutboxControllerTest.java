package cn.duban.mail;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.Roles;
import cn.duban.identity.People;
import cn.duban.unit.Unit;
import cn.duban.unit.Units;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The outbox at the door (a slice): the section and operators only; one campaign's mail, or the latest 500. */
@WebMvcTest(OutboxController.class)
@org.springframework.context.annotation.Import(cn.duban.campaign.DefaultOfficeAccess.class)
class OutboxControllerTest {

    @Autowired MockMvc mvc;
    @MockitoBean Outbox outbox;
    @MockitoBean People people;
    @MockitoBean Units units;

    @Test
    void aUnitReadsNoMailOfOthers() throws Exception {
        mvc.perform(get("/api/outbox").requestAttr(CurrentUser.REQUEST_ATTRIBUTE,
                        new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅运维人员可以查看整个发件箱"));
        mvc.perform(get("/api/campaigns/C1/units/zyy/mail").requestAttr(CurrentUser.REQUEST_ATTRIBUTE,
                        new CurrentUser("zyy-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "zyy"))))
                .andExpect(status().isForbidden());
        verifyNoInteractions(outbox);
    }

    @Test
    void aUnitsMailNamesItsRecipientsNotTheirAddresses() throws Exception {
        when(outbox.list("C1", "lsjd")).thenReturn(List.of(
                mail("LSJD-Reporter@demo.duban.local"), mail("lsjd@demo.duban.local"), mail("someone@elsewhere.cn")));
        when(people.namesByEmail(Roles.unitGroup("lsjd"))).thenReturn(Map.of("lsjd-reporter@demo.duban.local", "吕娜"));
        when(units.find("lsjd")).thenReturn(Optional.of(new Unit("lsjd", "历山街道社区卫生服务中心", "社区卫生服务中心",
                "lsjd@demo.duban.local", "", "")));
        mvc.perform(get("/api/campaigns/C1/units/lsjd/mail").requestAttr(CurrentUser.REQUEST_ATTRIBUTE,
                        new CurrentUser("reviewer1", List.of(Roles.REVIEWER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].recipientName").value("吕娜"))
                .andExpect(jsonPath("$[0].kindLabel").value("报送提醒"))
                .andExpect(jsonPath("$[0].recipient").value("LSJD-Reporter@demo.duban.local"))
                .andExpect(jsonPath("$[1].recipientName").value("历山街道社区卫生服务中心（单位邮箱）"))
                .andExpect(jsonPath("$[2].recipientName").value("其他收件人"));
    }

    private static OutboxMail mail(String to) {
        return new OutboxMail(1, "REMINDER", "C1", "lsjd", LocalDate.of(2026, 3, 20), to, "提醒", "SENT", 1, null,
                LocalDateTime.of(2026, 3, 18, 9, 0), null);
    }

    @Test
    void theSectionReadsOneCampaignsMailTheOperatorTheLatestOfAll() throws Exception {
        CurrentUser reviewer = new CurrentUser("reviewer1", List.of(Roles.REVIEWER));
        mvc.perform(get("/api/outbox").param("campaignId", "C1").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, reviewer))
                .andExpect(status().isOk());
        verify(outbox).list("C1");
        // every office's mails at once are the operators' to read, not one office's
        mvc.perform(get("/api/outbox").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, reviewer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/outbox").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser("ops", List.of(Roles.OPERATOR))))
                .andExpect(status().isOk());
        verify(outbox).recent(500);
    }
}
