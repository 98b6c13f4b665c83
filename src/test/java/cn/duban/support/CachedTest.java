package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedTest {

    final AtomicLong now = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerPeriodWhoeverAsks() {
        Cached<Integer> c = new Cached<>(Duration.ofSeconds(15), reads::incrementAndGet, now::get);
        assertThat(c.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(c.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(c.get()).isEqualTo(2);
        c.invalidate();
        assertThat(c.get()).isEqualTo(3);
    }

    @Test
    void aFailedReadIsNotKept() {
        Cached<Integer> c = new Cached<>(Duration.ofSeconds(15), () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return reads.get();
        }, now::get);
        assertThatThrownBy(c::get).hasMessage("database gone");
        assertThat(c.get()).isEqualTo(2);
    }

    @Test
    void zeroMeansEveryCallReads() {
        Cached<Integer> c = new Cached<>(Duration.ZERO, reads::incrementAndGet, now::get);
        c.get();
        c.get();
        assertThat(reads).hasValue(2);
    }
}
