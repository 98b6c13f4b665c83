package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The throttle's counting, without a database: a window of failures, a lock that lifts at a known time. */
class LoginThrottlePolicyTest {

    final LoginThrottle.Policy policy = new LoginThrottle.Policy(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    final LocalDateTime t0 = LocalDateTime.of(2026, 12, 2, 9, 0);

    @Test
    void theFifthFailureWithinTheWindowLocksTheAccountForFifteenMinutes() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 4; i++) {
            s = policy.fail(s, true, t0.plusSeconds(i));
            assertThat(s.lockedUntil()).isNull();
        }
        s = policy.fail(s, true, t0.plusSeconds(4));
        assertThat(s.failures()).isEqualTo(5);
        assertThat(s.lockedUntil()).isEqualTo(t0.plusSeconds(4).plusMinutes(15));
    }

    @Test
    void failuresSpreadBeyondTheWindowStartANewCount() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 4; i++) {
            s = policy.fail(s, true, t0.plusMinutes(i));
        }
        s = policy.fail(s, true, t0.plusMinutes(16));
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.windowStart()).isEqualTo(t0.plusMinutes(16));
        assertThat(s.lockedUntil()).isNull();
    }

    @Test
    void anAddressMayFailMoreOftenThanAnAccount() {
        LoginThrottle.State s = null;
        for (int i = 0; i < 19; i++) {
            s = policy.fail(s, false, t0.plusSeconds(i));
        }
        assertThat(s.lockedUntil()).isNull();
        assertThat(policy.fail(s, false, t0.plusSeconds(20)).lockedUntil()).isNotNull();
    }
}
