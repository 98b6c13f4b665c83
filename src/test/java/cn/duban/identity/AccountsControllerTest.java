package cn.duban.identity;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Locks and account changes at the door (a slice): only admins and operators, and people by name. */
@WebMvcTest(AccountsController.class)
class AccountsControllerTest {

    static final CurrentUser OPERATOR = new CurrentUser("ops1", List.of(Roles.OPERATOR));
    static final CurrentUser SECTION_HEAD = new CurrentUser("zhangke", List.of(Roles.SECTION_HEAD));

    @Autowired MockMvc mvc;
    @MockitoBean LoginThrottle throttle;
    @MockitoBean AccountChanges changes;
    @MockitoBean People people;

    @Test
    void theSectionHeadSeesNoLocksAndLiftsNone() throws Exception {
        mvc.perform(get("/api/admin/lockouts").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, SECTION_HEAD))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value("仅系统管理员和运维人员可以查看登录锁定和账号变更记录"));
        mvc.perform(delete("/api/admin/lockouts").param("key", "user:zyy-reporter").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, SECTION_HEAD))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/account-changes").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, SECTION_HEAD))
                .andExpect(status().isForbidden());
        verifyNoInteractions(throttle, changes);
    }

    @Test
    void locksOfAccountsNameThePersonAndLocksOfAddressesDoNot() throws Exception {
        LocalDateTime t = LocalDateTime.of(2026, 3, 20, 9, 0);
        when(throttle.lockouts()).thenReturn(List.of(
                new LoginThrottle.Lockout("user:zyy-reporter@10.0.0.7", "账号", "zyy-reporter", "10.0.0.7", 5, t, t.plusMinutes(15)),
                new LoginThrottle.Lockout("addr:10.0.0.9", "网络地址", "10.0.0.9", "10.0.0.9", 20, t, t.plusMinutes(15))));
        when(people.names(List.of("zyy-reporter", "10.0.0.9"))).thenReturn(Map.of("zyy-reporter", "李晓燕"));
        mvc.perform(get("/api/admin/lockouts").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("李晓燕")).andExpect(jsonPath("$[0].failures").value(5))
                .andExpect(jsonPath("$[0].address").value("10.0.0.7"))
                .andExpect(jsonPath("$[1].name").doesNotExist());
    }

    @Test
    void liftingALockNamesWhoLiftedIt() throws Exception {
        when(throttle.lift("user:zyy-reporter", "ops1")).thenReturn(true);
        mvc.perform(delete("/api/admin/lockouts").param("key", "user:zyy-reporter").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lifted").value(true));
        verify(throttle).lift("user:zyy-reporter", "ops1");
    }

    @Test
    void accountChangesArePagedWithBothNames() throws Exception {
        var change = new AccountChanges.Change(1, LocalDateTime.of(2026, 3, 20, 9, 0), "admin", "重置密码", "zyy-reporter", null, "");
        when(changes.list(null, 0, 50)).thenReturn(new AccountChanges.Page(List.of(change), 0, 50, 1));
        when(people.names(List.of("admin", "zyy-reporter"))).thenReturn(Map.of("admin", "王管理", "zyy-reporter", "李晓燕"));
        mvc.perform(get("/api/admin/account-changes").requestAttr(CurrentUser.REQUEST_ATTRIBUTE, OPERATOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.changes[0].changedByName").value("王管理"))
                .andExpect(jsonPath("$.changes[0].targetUserName").value("李晓燕"))
                .andExpect(jsonPath("$.changes[0].action").value("重置密码"));
    }
}
