package cn.duban.identity;

import cn.duban.support.Forbidden;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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

    /** A lock as the page shows it: with the person's name where the key is an account that has one. */
    record LockoutView(@JsonUnwrapped LoginThrottle.Lockout lockout, String name) {}

    /** An account change as the page shows it: with the names of who changed it and whose account it was. */
    record ChangeView(@JsonUnwrapped AccountChanges.Change change, String changedByName, String targetUserName) {}

    record ChangesPage(List<ChangeView> changes, int page, int size, long total) {}

    private final LoginThrottle throttle;
    private final AccountChanges changes;
    private final People people;

    AccountsController(LoginThrottle throttle, AccountChanges changes, People people) {
        this.throttle = throttle;
        this.changes = changes;
        this.people = people;
    }

    @GetMapping("/lockouts")
    List<LockoutView> lockouts(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        require(user);
        List<LoginThrottle.Lockout> locks = throttle.lockouts();
        Map<String, String> names = people.names(locks.stream().map(LoginThrottle.Lockout::subject).toList());
        return locks.stream().map(l -> new LockoutView(l, l.key().startsWith("user:") ? names.get(l.subject()) : null)).toList();
    }

    @DeleteMapping("/lockouts")
    Map<String, Object> lift(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @RequestParam String key) {
        require(user);
        return Map.of("lifted", throttle.lift(key, user.id()));
    }

    @GetMapping("/account-changes")
    ChangesPage accountChanges(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
                                       @RequestParam(name = "user", required = false) String account,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        require(user);
        AccountChanges.Page p = changes.list(account, page, size);
        Map<String, String> names = people.names(p.changes().stream()
                .flatMap(c -> java.util.stream.Stream.of(c.changedBy(), c.targetUser())).toList());
        return new ChangesPage(p.changes().stream().map(c -> new ChangeView(c, names.get(c.changedBy()), names.get(c.targetUser())))
                .toList(), p.page(), p.size(), p.total());
    }

    private static void require(CurrentUser user) {
        if (!user.isIn(Roles.ADMIN) && !user.isIn(Roles.OPERATOR)) {
            throw new Forbidden("仅系统管理员和运维人员可以查看登录锁定和账号变更记录");
        }
    }
}
