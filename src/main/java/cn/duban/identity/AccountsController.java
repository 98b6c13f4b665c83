package cn.duban.identity;

import cn.duban.support.Forbidden;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For administrators and operators: the logins locked right now (and lifting one), and the audit of account changes. */
@RestController
@RequestMapping("/api/admin")
class AccountsController {

    private final LoginThrottle throttle;
    private final AccountChanges changes;

    AccountsController(LoginThrottle throttle, AccountChanges changes) {
        this.throttle = throttle;
        this.changes = changes;
    }

    @GetMapping("/lockouts")
    List<LoginThrottle.Lockout> lockouts(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        require(user);
        return throttle.lockouts();
    }

    @DeleteMapping("/lockouts")
    Map<String, Object> lift(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @RequestParam String key) {
        require(user);
        boolean lifted = throttle.lift(key);
        if (lifted) {
            changes.record(user.id(), AccountRules.Action.UNLOCK, key.startsWith("user:") ? key.substring(5) : null, null,
                    "提前解除登录锁定 " + key);
        }
        return Map.of("lifted", lifted);
    }

    @GetMapping("/account-changes")
    AccountChanges.Page accountChanges(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                       @RequestParam(name = "user", required = false) String account,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        require(user);
        return changes.list(account, page, size);
    }

    private static void require(CurrentUser user) {
        if (!user.isIn(Roles.ADMIN) && !user.isIn(Roles.OPERATOR)) {
            throw new Forbidden("仅系统管理员和运维人员可以查看登录锁定和账号变更记录");
        }
    }
}
