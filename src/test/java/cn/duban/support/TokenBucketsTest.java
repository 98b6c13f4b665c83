package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The download throttle's bucket without Spring: a burst, then one a second, per person. */
class TokenBucketsTest {

    Instant now = Instant.parse("2026-12-08T01:00:00Z");
    final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };

    @Test
    void aBurstThenOneASecondAndEachPersonHasTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(5, 60, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("yanglei")).as("take %d", i).isEmpty();
        }
        assertThat(buckets.take("yanglei")).hasValue(Duration.ofSeconds(1));
        assertThat(buckets.take("wangshu")).as("another person").isEmpty();
        now = now.plusMillis(500);
        assertThat(buckets.take("yanglei")).hasValue(Duration.ofMillis(500));
        now = now.plusMillis(500);
        assertThat(buckets.take("yanglei")).isEmpty();
        assertThat(buckets.take("yanglei")).isPresent();
        now = now.plus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("yanglei")).as("refilled to the burst, never beyond").isEmpty();
        }
        assertThat(buckets.take("yanglei")).isPresent();
    }

    @Test
    void concurrentTakesGiveOutExactlyTheBurst() throws Exception {
        TokenBuckets buckets = new TokenBuckets(100, 60, clock);
        var taken = new java.util.concurrent.atomic.AtomicInteger();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            pool.submit(() -> buckets.take("yanglei").ifPresentOrElse(w -> { }, taken::incrementAndGet));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(taken.get()).isEqualTo(100);
    }
}
