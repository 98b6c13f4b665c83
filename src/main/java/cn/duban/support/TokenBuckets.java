package cn.duban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a person): up to {@code burst} at once, refilled at {@code perMinute} a minute. Kept in
 * memory on each node: a limit against one person's script, not an account book (with several nodes a person gets each
 * node's share). Pure: the time comes from the clock given.
 */
public final class TokenBuckets {

    private record Bucket(double tokens, Instant at) {}

    private final int burst;
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int burst, int perMinute, Clock clock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a bucket holds at least one token and refills at least one a minute");
        }
        this.burst = burst;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public int burst() {
        return burst;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes a token for the key: empty when taken, else how long until the next one. */
    public Optional<Duration> take(String key) {
        Instant now = clock.instant();
        Duration[] wait = {null};
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? burst
                    : Math.min(burst, b.tokens() + Math.max(0, Duration.between(b.at(), now).toNanos()) * perMinute / 60e9);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) * 60e9 / perMinute));
            return new Bucket(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
    }
}
