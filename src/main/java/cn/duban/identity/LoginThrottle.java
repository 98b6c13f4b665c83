package cn.duban.identity;

import cn.duban.support.DubanProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins, counted per account and client address together, and per address, in duban's table (so every node
 * counts the same): {@code duban.login.account-failures} failures of one account from one address within
 * {@code duban.login.window} lock that account <em>from that address</em> for {@code duban.login.account-lock};
 * {@code duban.login.address-failures} from one address, whatever the accounts, lock the address for
 * {@code duban.login.address-lock}. Somebody guessing a known account's password from elsewhere cannot lock its owner
 * out: the owner logs in from their own address as before. Locks lift by themselves; administrators see and lift
 * them. Counting an account that does not exist the same way tells a guesser nothing about which ids are real.
 *
 * <p>Once a failure is on record for the account from an address (or for the address), every password check is
 * counted before it is made ({@link #attempt}): one transaction takes a try from both counts under their row locks, or
 * refuses when either is locked, and the try that reaches a limit sets the lock at once. So concurrent wrong passwords
 * cannot get more checks than the limit. Before any failure, a try is not reserved — a person's many requests at once
 * (HTTP Basic on every call) never lock them, and cost a read — and the first wrong one is counted as it fails. The
 * outcome then settles the try: a failure keeps it, a success gives it back (and clears the account's failures from that
 * address), a request whose password was not checked gives it back.
 */
@Service
public class LoginThrottle {

    /** The rules: how many failures within the window lock an account (from one address) or an address, and for how long. */
    public record Policy(int accountFailures, Duration accountLock, int addressFailures, Duration addressLock, Duration window) {

        /**
         * One more try at {@code now}: blocked while a lock holds, else counted — in a fresh window when the last one is
         * over or a lock has lifted — and the try that reaches the limit locks. Pure.
         */
        Reservation reserve(State before, boolean account, LocalDateTime now) {
            if (before != null && before.lockedUntil() != null && before.lockedUntil().isAfter(now)) {
                return new Reservation(before, before.lockedUntil(), false);
            }
            boolean fresh = before == null || before.failures() == 0 || before.lockedUntil() != null
                    || before.windowStart().plus(window).isBefore(now);
            int failures = fresh ? 1 : before.failures() + 1;
            LocalDateTime start = fresh ? now : before.windowStart();
            boolean locks = failures >= (account ? accountFailures : addressFailures);
            LocalDateTime until = locks ? now.plus(account ? accountLock : addressLock) : null;
            return new Reservation(new State(failures, start, now, until), null, locks);
        }

        /** The limit of a key's kind. */
        int limit(boolean account) {
            return account ? accountFailures : addressFailures;
        }
    }

    /** A key's failures since its window started, and the lock they led to. */
    record State(int failures, LocalDateTime windowStart, LocalDateTime lastFailureAt, LocalDateTime lockedUntil) {}

    /** The state after a try, or the lock that refused it; whether this try set the lock. */
    record Reservation(State after, LocalDateTime blockedUntil, boolean locked) {}

    /** Why a login is refused before the password is even checked: the message says when to try again. */
    public record Blocked(String message, LocalDateTime until) {}

    /**
     * A try of a password, counted: refused ({@link #blocked}), or allowed with the failures it would leave for the
     * account from this address; which locks it set itself (a success lifts those).
     */
    public record Attempt(String user, String address, Optional<Blocked> blocked, int accountFailures, boolean lockedAccount,
                          boolean lockedAddress, boolean reserved) {

        Attempt(String user, String address, Optional<Blocked> blocked, int accountFailures, boolean lockedAccount,
                boolean lockedAddress) {
            this(user, address, blocked, accountFailures, lockedAccount, lockedAddress, true);
        }
    }

    /** A lock in force, as administrators see it: an account (from an address) or an address. */
    public record Lockout(String key, String kind, String subject, String address, int failures, LocalDateTime lastFailureAt,
                          LocalDateTime lockedUntil) {}

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Policy policy;
    private final AccountChanges changes;
    private final TransactionTemplate own;
    private final io.micrometer.core.instrument.Counter failures;
    private final io.micrometer.core.instrument.Counter blocked;
    private final io.micrometer.core.instrument.Counter accountLockouts;
    private final io.micrometer.core.instrument.Counter addressLockouts;

    public LoginThrottle(JdbcClient jdbc, Clock clock, DubanProperties settings, AccountChanges changes,
                         PlatformTransactionManager transactions, io.micrometer.core.instrument.MeterRegistry meters) {
        // what the operators watch (docs/operations.md): per node, since it started
        this.failures = io.micrometer.core.instrument.Counter.builder("duban.login.failures")
                .description("Wrong passwords (webapps' login form and HTTP Basic)").register(meters);
        this.blocked = io.micrometer.core.instrument.Counter.builder("duban.login.blocked")
                .description("Logins refused because the account or the address was locked").register(meters);
        this.accountLockouts = io.micrometer.core.instrument.Counter.builder("duban.login.lockouts").tag("scope", "account")
                .description("Locks set by too many wrong passwords").register(meters);
        this.addressLockouts = io.micrometer.core.instrument.Counter.builder("duban.login.lockouts").tag("scope", "address")
                .description("Locks set by too many wrong passwords").register(meters);
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
        DubanProperties.Login l = settings.login();
        this.policy = new Policy(l.accountFailures(), l.accountLock(), l.addressFailures(), l.addressLock(), l.window());
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Counts a try of a password before it is checked, on the account from this address and on the address, or
     * refuses it while either is locked (the account's lock said first). Runs before every password check, HTTP Basic on
     * every call included.
     */
    public Attempt attempt(String userId, String address) {
        String account = accountKey(userId, address);
        String from = addressKey(address);
        // no failure on record for the account from this address, nor for the address: the try is not reserved (many
        // requests of one person at once never lock it), and is counted only if its password is wrong; once a failure
        // is on record, every try is reserved before its check, so concurrent guesses cannot pass the limit
        if (clean(account) && clean(from)) {
            return new Attempt(userId, address, Optional.empty(), 0, false, false, false);
        }
        return reserve(userId, address);
    }

    private Attempt reserve(String userId, String address) {
        String account = accountKey(userId, address);
        String from = addressKey(address);
        ensureRows(account, from);
        return own.execute(tx -> {
            LocalDateTime now = LocalDateTime.now(clock);
            // always the account's row first, then the address's: two requests never wait on each other crosswise
            Reservation a = policy.reserve(lock(account), true, now);
            Reservation d = policy.reserve(lock(from), false, now);
            Optional<Blocked> blocked = a.blockedUntil() != null
                    ? Optional.of(new Blocked("该账号在此网络地址连续登录失败次数过多，已暂时锁定，请于 " + a.blockedUntil().format(HH_MM)
                            + " 后再试（到时自动解除）", a.blockedUntil()))
                    : d.blockedUntil() != null
                    ? Optional.of(new Blocked("此网络地址登录失败次数过多，请于 " + d.blockedUntil().format(HH_MM) + " 后再试（到时自动解除）",
                            d.blockedUntil()))
                    : Optional.empty();
            if (blocked.isPresent()) {
                this.blocked.increment();
                tx.setRollbackOnly();
                return new Attempt(userId, address, blocked, 0, false, false);
            }
            write(account, a.after());
            write(from, d.after());
            return new Attempt(userId, address, Optional.empty(), a.after().failures(), a.locked(), d.locked());
        });
    }

    /** The password was wrong: the try stays counted. Returns how many more the account may fail from this address before it locks. */
    public int failed(Attempt attempt) {
        failures.increment();
        if (!attempt.reserved()) {
            // the first failure: counted now, exactly as a reserved try would have been
            attempt = reserve(attempt.user(), attempt.address());
            if (attempt.blocked().isPresent()) {
                return 0;
            }
        }
        if (attempt.lockedAccount()) {
            accountLockouts.increment();
        }
        if (attempt.lockedAddress()) {
            addressLockouts.increment();
        }
        return Math.max(0, policy.accountFailures() - attempt.accountFailures());
    }

    /** Whether a key has no failure in its window and no lock: a try on it need not be reserved. */
    private boolean clean(String key) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbc.sql("SELECT failures, window_start, locked_until FROM duban_login_throttle WHERE throttle_key = ?").param(key)
                .query((rs, i) -> {
                    LocalDateTime until = rs.getObject(3, LocalDateTime.class);
                    LocalDateTime start = rs.getObject(2, LocalDateTime.class);
                    boolean locked = until != null && until.isAfter(now);
                    boolean windowOver = start == null || start.plus(policy.window()).isBefore(now);
                    return !locked && (rs.getInt(1) == 0 || windowOver);
                }).optional().orElse(true);
    }

    /**
     * The password was right: the account's failures from this address are wiped (unless another try locked it
     * meanwhile, whose lock stands), and the address gets its try back (one good login does not excuse a spray).
     */
    public void succeeded(Attempt attempt) {
        if (!attempt.reserved()) {
            return;
        }
        own.executeWithoutResult(tx -> {
            LocalDateTime now = LocalDateTime.now(clock);
            int wiped = jdbc.sql("UPDATE duban_login_throttle SET failures = 0, locked_until = NULL WHERE throttle_key = ? "
                            + "AND (locked_until IS NULL OR locked_until <= ? OR ?)")
                    .params(accountKey(attempt.user(), attempt.address()), now, attempt.lockedAccount()).update();
            if (wiped == 0) {
                giveBack(accountKey(attempt.user(), attempt.address()), false);
            }
            giveBack(addressKey(attempt.address()), attempt.lockedAddress());
        });
    }

    /** No password was checked after all (the request was refused for another reason): both tries are given back. */
    public void unchecked(Attempt attempt) {
        if (!attempt.reserved()) {
            return;
        }
        own.executeWithoutResult(tx -> {
            giveBack(accountKey(attempt.user(), attempt.address()), attempt.lockedAccount());
            giveBack(addressKey(attempt.address()), attempt.lockedAddress());
        });
    }

    /** How many locks are in force now (accounts from an address, and addresses): one count, for the operators' gauge. */
    public int activeLocks() {
        return jdbc.sql("SELECT COUNT(*) FROM duban_login_throttle WHERE locked_until > ?").param(LocalDateTime.now(clock))
                .query(Integer.class).single();
    }

    public List<Lockout> lockouts() {
        return jdbc.sql("""
                SELECT throttle_key, failures, last_failure_at, locked_until FROM duban_login_throttle
                WHERE locked_until > ? ORDER BY locked_until DESC""").param(LocalDateTime.now(clock))
                .query((rs, i) -> {
                    String key = rs.getString(1);
                    boolean account = key.startsWith("user:");
                    String subject = key.substring(key.indexOf(':') + 1);
                    String address = subject;
                    if (account) {
                        int at = subject.lastIndexOf('@');
                        address = subject.substring(at + 1);
                        subject = subject.substring(0, at);
                    }
                    return new Lockout(key, account ? "账号" : "网络地址", subject, address, rs.getInt(2),
                            rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class));
                }).list();
    }

    /**
     * Lifts a lock before its time (an administrator's or operator's decision), audited in the same transaction. The
     * key of an account alone ({@code user:<id>}) lifts its locks from every address.
     */
    public boolean lift(String key, String actor) {
        return Boolean.TRUE.equals(own.execute(tx -> {
            List<String> keys = jdbc.sql("SELECT throttle_key FROM duban_login_throttle WHERE throttle_key = ? OR LEFT(throttle_key, ?) = ?")
                    .params(key, key.length() + 1, key + "@").query(String.class).list().stream()
                    .filter(k -> k.equals(key) || key.startsWith("user:") && !key.contains("@")).toList();
            boolean lifted = false;
            for (String k : keys) {
                lifted |= jdbc.sql("DELETE FROM duban_login_throttle WHERE throttle_key = ?").param(k).update() > 0;
            }
            if (lifted) {
                boolean account = key.startsWith("user:");
                String subject = key.substring(key.indexOf(':') + 1);
                String user = account && subject.contains("@") ? subject.substring(0, subject.lastIndexOf('@')) : subject;
                String from = account && subject.contains("@") ? subject.substring(subject.lastIndexOf('@') + 1) : null;
                changes.record(actor, AccountRules.Action.UNLOCK, account ? user : null, null,
                        account ? (from == null ? "提前解除账号的登录锁定" : "提前解除账号在网络地址 " + from + " 的登录锁定")
                                : "提前解除网络地址 " + subject + " 的登录锁定");
            }
            return lifted;
        }));
    }

    /** The keys' rows, created empty where missing, each in its own transaction (a race to create one is no failure). */
    private void ensureRows(String... keys) {
        List<String> present = jdbc.sql("SELECT throttle_key FROM duban_login_throttle WHERE throttle_key IN (?, ?)")
                .params(keys[0], keys[1]).query(String.class).list();
        for (String key : keys) {
            if (!present.contains(key)) {
                try {
                    own.executeWithoutResult(tx -> jdbc.sql("INSERT INTO duban_login_throttle (throttle_key, failures, window_start, "
                                    + "last_failure_at, locked_until) VALUES (?, 0, ?, ?, NULL)")
                            .params(key, LocalDateTime.now(clock), LocalDateTime.now(clock)).update());
                } catch (DuplicateKeyException raced) {
                    // another request created it first: it is there
                }
            }
        }
    }

    private State lock(String key) {
        return jdbc.sql("SELECT failures, window_start, last_failure_at, locked_until FROM duban_login_throttle WHERE throttle_key = ? FOR UPDATE")
                .param(key).query((rs, i) -> new State(rs.getInt(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class),
                        rs.getObject(4, LocalDateTime.class))).single();
    }

    private void write(String key, State s) {
        jdbc.sql("UPDATE duban_login_throttle SET failures = ?, window_start = ?, last_failure_at = ?, locked_until = ? WHERE throttle_key = ?")
                .params(s.failures(), s.windowStart(), s.lastFailureAt(), s.lockedUntil(), key).update();
    }

    /** A try given back: one failure less, and the lock it set lifted. */
    private void giveBack(String key, boolean itsLock) {
        jdbc.sql("UPDATE duban_login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END"
                + (itsLock ? ", locked_until = NULL" : "") + " WHERE throttle_key = ?").param(key).update();
    }

    /** The account's key from one address: {@code user:<id>@<address>} (an id holds no '@'; an address is read after the last). */
    static String accountKey(String userId, String address) {
        return "user:" + (userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT)) + "@" + address;
    }

    static String addressKey(String address) {
        return "addr:" + address;
    }
}
