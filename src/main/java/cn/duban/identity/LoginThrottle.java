package cn.duban.identity;

import cn.duban.support.DubanProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed logins, counted per account and per client address in duban's table (so every node counts the same): an
 * account with {@code duban.login.account-failures} failures within {@code duban.login.window} is locked for
 * {@code duban.login.account-lock}, an address with {@code duban.login.address-failures} for
 * {@code duban.login.address-lock}; a lock lifts by itself, and administrators see and lift them. Counting an
 * account that does not exist the same way tells a guesser nothing about which ids are real.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class LoginThrottle {

    /** The rules: how many failures within the window lock an account or an address, and for how long. */
    public record Policy(int accountFailures, Duration accountLock, int addressFailures, Duration addressLock, Duration window) {

        /** The state after one more failure at {@code now}. Pure. */
        State fail(State before, boolean account, LocalDateTime now) {
            boolean fresh = before == null || before.windowStart().plus(window).isBefore(now);
            int failures = fresh ? 1 : before.failures() + 1;
            LocalDateTime start = fresh ? now : before.windowStart();
            int limit = account ? accountFailures : addressFailures;
            LocalDateTime locked = failures >= limit ? now.plus(account ? accountLock : addressLock)
                    : before == null ? null : before.lockedUntil();
            return new State(failures, start, now, locked);
        }
    }

    /** A key's failures since its window started, and the lock they led to. */
    record State(int failures, LocalDateTime windowStart, LocalDateTime lastFailureAt, LocalDateTime lockedUntil) {}

    /** Why a login is refused before the password is even checked: the message says when to try again. */
    public record Blocked(String message, LocalDateTime until) {}

    /** A lock in force, as administrators see it. */
    public record Lockout(String key, String kind, String subject, int failures, LocalDateTime lastFailureAt,
                          LocalDateTime lockedUntil) {}

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Policy policy;
    private final AccountChanges changes;

    public LoginThrottle(JdbcClient jdbc, Clock clock, DubanProperties settings, AccountChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
        DubanProperties.Login l = settings.login();
        this.policy = new Policy(l.accountFailures(), l.accountLock(), l.addressFailures(), l.addressLock(), l.window());
    }

    public Policy policy() {
        return policy;
    }

    /**
     * What the throttle knows of a login before its password is checked: a lock in force (the account's first), and
     * whether the account has failures on record (only then does a good login need to wipe them).
     */
    public record Standing(Optional<Blocked> blocked, boolean accountFailures) {}

    /**
     * The standing of a login, in one read of both keys: this runs before every password check, HTTP Basic on
     * every call included, so it reads once and writes nothing.
     */
    @Transactional(readOnly = true)
    public Standing standing(String userId, String address) {
        LocalDateTime now = LocalDateTime.now(clock);
        String account = accountKey(userId);
        java.util.Map<String, LocalDateTime> rows = new java.util.HashMap<>();
        jdbc.sql("SELECT throttle_key, locked_until FROM duban_login_throttle WHERE throttle_key IN (?, ?)")
                .params(account, addressKey(address))
                .query((rs, i) -> rows.put(rs.getString(1), rs.getObject(2, LocalDateTime.class))).list();
        LocalDateTime accountUntil = rows.get(account);
        LocalDateTime addressUntil = rows.get(addressKey(address));
        Optional<Blocked> blocked = Optional.empty();
        if (accountUntil != null && accountUntil.isAfter(now)) {
            blocked = Optional.of(new Blocked("该账号连续登录失败次数过多，已暂时锁定，请于 " + accountUntil.format(HH_MM)
                    + " 后再试（到时自动解除）", accountUntil));
        } else if (addressUntil != null && addressUntil.isAfter(now)) {
            blocked = Optional.of(new Blocked("此网络地址登录失败次数过多，请于 " + addressUntil.format(HH_MM) + " 后再试（到时自动解除）",
                    addressUntil));
        }
        return new Standing(blocked, rows.containsKey(account));
    }

    /** Counts a failed login; returns how many more failures the account may have before it is locked. */
    public int failed(String userId, String address) {
        LocalDateTime now = LocalDateTime.now(clock);
        State account = record(accountKey(userId), true, now);
        record(addressKey(address), false, now);
        return Math.max(0, policy.accountFailures() - account.failures());
    }

    /** A login that succeeded wipes the account's failures (not the address's: one good login does not excuse a spray). */
    public void succeeded(String userId) {
        jdbc.sql("DELETE FROM duban_login_throttle WHERE throttle_key = ?").param(accountKey(userId)).update();
    }

    @Transactional(readOnly = true)
    public List<Lockout> lockouts() {
        return jdbc.sql("""
                SELECT throttle_key, failures, last_failure_at, locked_until FROM duban_login_throttle
                WHERE locked_until > ? ORDER BY locked_until DESC""").param(LocalDateTime.now(clock))
                .query((rs, i) -> {
                    String key = rs.getString(1);
                    boolean account = key.startsWith("user:");
                    return new Lockout(key, account ? "账号" : "网络地址", key.substring(key.indexOf(':') + 1), rs.getInt(2),
                            rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class));
                }).list();
    }

    /** Lifts a lock before its time (an administrator's or operator's decision), audited in the same transaction. */
    public boolean lift(String key, String actor) {
        boolean lifted = jdbc.sql("DELETE FROM duban_login_throttle WHERE throttle_key = ?").param(key).update() > 0;
        if (lifted) {
            boolean account = key.startsWith("user:");
            String subject = key.substring(key.indexOf(':') + 1);
            changes.record(actor, AccountRules.Action.UNLOCK, account ? subject : null, null,
                    account ? "提前解除账号的登录锁定" : "提前解除网络地址 " + subject + " 的登录锁定");
        }
        return lifted;
    }

    private State record(String key, boolean account, LocalDateTime now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            State before = jdbc.sql("SELECT failures, window_start, last_failure_at, locked_until FROM duban_login_throttle "
                    + "WHERE throttle_key = ? FOR UPDATE").param(key)
                    .query((rs, i) -> new State(rs.getInt(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class),
                            rs.getObject(4, LocalDateTime.class))).optional().orElse(null);
            State after = policy.fail(before, account, now);
            if (before != null) {
                jdbc.sql("UPDATE duban_login_throttle SET failures = ?, window_start = ?, last_failure_at = ?, locked_until = ? WHERE throttle_key = ?")
                        .params(after.failures(), after.windowStart(), after.lastFailureAt(), after.lockedUntil(), key).update();
                return after;
            }
            try {
                jdbc.sql("INSERT INTO duban_login_throttle (throttle_key, failures, window_start, last_failure_at, locked_until) VALUES (?, ?, ?, ?, ?)")
                        .params(key, after.failures(), after.windowStart(), after.lastFailureAt(), after.lockedUntil()).update();
                return after;
            } catch (DuplicateKeyException raced) {
                // another request inserted it first: count on top of theirs
            }
        }
        throw new IllegalStateException("could not count a failed login for " + key);
    }

    static String accountKey(String userId) {
        return "user:" + (userId == null ? "" : userId.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String addressKey(String address) {
        return "addr:" + address;
    }
}
