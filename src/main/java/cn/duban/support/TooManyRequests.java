package cn.duban.support;

import java.time.Duration;
import java.util.Map;

/** A person asked for something too often: 429, when to try again in the message and in {@code Retry-After}. */
public class TooManyRequests extends Refusal {

    public static final int STATUS = 429;

    private final long retryAfterSeconds;

    public TooManyRequests(String message, Duration retryAfter) {
        super(STATUS, message);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole seconds until a try may succeed, at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("retryAfterSeconds", retryAfterSeconds);
    }
}
