package cn.duban.support;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl}, whoever asks: the gauges that read the database (a Prometheus scrape
 * every 15 s from each of two monitoring servers, a health check, the alert check) share one query per period. A
 * failed read is not kept: the next caller reads again. Thread-safe; concurrent callers of an expired value wait for
 * one read rather than each making their own.
 */
public final class Cached<T> implements Supplier<T> {

    private final Supplier<T> read;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private T value;
    private long readAt;
    private boolean present;

    public Cached(Duration ttl, Supplier<T> read) {
        this(ttl, read, System::nanoTime);
    }

    Cached(Duration ttl, Supplier<T> read, LongSupplier nanoTime) {
        this.read = read;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!present || now - readAt >= ttlNanos) {
            value = read.get();
            readAt = now;
            present = true;
        }
        return value;
    }

    /** Forgets the value: the next caller reads again. */
    public synchronized void invalidate() {
        present = false;
    }
}
