package cn.duban.mail;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.identity.Roles;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** 邮件 at the door (a slice): a person reads the mails addressed to their own account's address, in Chinese. */
@WebMvcTest(MyMailController.class)
class MyMailControllerTest {

    static final CurrentUser REPORTER = new CurrentUser("lsjd-reporter", List.of(Roles.REPORTER, Roles.UNIT_GROUP_PREFIX + "lsjd"));

    @Autowired MockMvc mvc;
    @MockitoBean Outbox outbox;
    @MockitoBean People people;

    @Test
    void aPersonReadsTheirOwnMailWhateverTheRequestAsksFor() throws Exception {
        when(people.emails(List.of("lsjd-reporter"))).thenReturn(Map.of("lsjd-reporter", "lsjd-reporter@demo.duban.local"));
        when(outbox.sentTo("lsjd-reporter@demo.duban.local", MyMailController.LIMIT)).thenReturn(List.of(new Outbox.Received(
                3, MailKind.REPORT_RETURNED.name(), "【退回】报送需修改", "请补充台账", Outbox.SENT, LocalDateTime.now(), LocalDateTime.now())));
        mvc.perform(get("/api/my/mail").param("address", "zhangke@demo.duban.local").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REPORTER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("lsjd-reporter@demo.duban.local"))
                .andExpect(jsonPath("$.mails[0].kindLabel").value("退回通知"))
                .andExpect(jsonPath("$.mails[0].statusLabel").value("已发送"))
                .andExpect(jsonPath("$.mails[0].text").value("请补充台账"));
    }

    @Test
    void anAccountWithoutAnAddressHasNoMailAndIsToldNothingElse() throws Exception {
        when(people.emails(List.of("lsjd-reporter"))).thenReturn(Map.of());
        mvc.perform(get("/api/my/mail").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, REPORTER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.address").doesNotExist()).andExpect(jsonPath("$.mails").isEmpty());
        verify(outbox, never()).sentTo(anyString(), anyInt());
    }
}
