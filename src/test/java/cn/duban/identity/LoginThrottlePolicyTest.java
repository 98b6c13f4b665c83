package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The throttle's counting, without a database: a window of tries, a lock set by the try that reaches the limit. */
class LoginThrottlePolicyTest {

    final LoginThrottle.Policy policy = new LoginThrottle.Policy(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    final LocalDateTime t0 = LocalDateTime.of(2026, 12, 2, 9, 0);

    @Test
    void theFifthTryWithinTheWindowLocksTheAccountForFifteenMinutesAndTheSixthIsRefusedUnchecked() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 4; i++) {
            LoginThrottle.Reservation r = policy.reserve(s, true, t0.plusSeconds(i));
            assertThat(r.blockedUntil()).isNull();
            assertThat(r.locked()).isFalse();
            s = r.after();
            assertThat(s.lockedUntil()).isNull();
        }
        LoginThrottle.Reservation fifth = policy.reserve(s, true, t0.plusSeconds(4));
        assertThat(fifth.after().failures()).isEqualTo(5);
        assertThat(fifth.locked()).as("the fifth sets the lock itself").isTrue();
        assertThat(fifth.after().lockedUntil()).isEqualTo(t0.plusSeconds(4).plusMinutes(15));
        LoginThrottle.Reservation sixth = policy.reserve(fifth.after(), true, t0.plusSeconds(5));
        assertThat(sixth.blockedUntil()).isEqualTo(t0.plusSeconds(4).plusMinutes(15));
        assertThat(sixth.after()).as("a refused try counts nothing").isEqualTo(fifth.after());
    }

    @Test
    void triesSpreadBeyondTheWindowStartANewCount() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 4; i++) {
            s = policy.reserve(s, true, t0.plusMinutes(i)).after();
        }
        s = policy.reserve(s, true, t0.plusMinutes(16)).after();
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.windowStart()).isEqualTo(t0.plusMinutes(16));
        assertThat(s.lockedUntil()).isNull();
    }

    @Test
    void aLiftedLockStartsANewCount() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 5; i++) {
            s = policy.reserve(s, true, t0.plusSeconds(i)).after();
        }
        LoginThrottle.Reservation after = policy.reserve(s, true, t0.plusMinutes(20));
        assertThat(after.blockedUntil()).isNull();
        assertThat(after.after().failures()).isEqualTo(1);
        assertThat(after.after().lockedUntil()).isNull();
    }

    @Test
    void anAddressMayFailMoreOftenThanAnAccount() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 19; i++) {
            s = policy.reserve(s, false, t0.plusSeconds(i)).after();
        }
        assertThat(s.lockedUntil()).isNull();
        assertThat(policy.reserve(s, false, t0.plusSeconds(20)).after().lockedUntil()).isNotNull();
    }
}
