package org.kontor.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client address, an account): {@code capacity} events per {@code window}, refilled
 * gradually. Buckets live in this node's memory: a restart or another node starts afresh, which bounds abuse per
 * node and per window. Keys are compared trimmed and case-insensitively.
 */
public final class RateLimit {
    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final Duration window;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit(int capacity, Duration window) {
        this.capacity = capacity;
        this.window = window;
    }

    /** The outcome of {@link #take}: whether the event was admitted, what is left, and when more will be. */
    public record Take(boolean admitted, long remaining, long nanosUntilNext, long nanosUntilFull) {
    }

    /** Takes one event for the key, telling what is left (for rate-limit headers). */
    public Take take(String key) {
        Bucket bucket = bucket(key);
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Take(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
                probe.getNanosToWaitForReset());
    }

    public int capacity() {
        return capacity;
    }

    /** Takes one event for the key; false (and nothing taken) when its bucket is empty. */
    public boolean tryAcquire(String key) {
        return bucket(key).tryConsume(1);
    }

    /** Takes one event if any is left; for counting failures whose refusal happens elsewhere. */
    public void record(String key) {
        bucket(key).tryConsume(1);
    }

    /** Whether the key has used up its events (without taking one). */
    public boolean exhausted(String key) {
        Bucket bucket = buckets.get(normalise(key));
        return bucket != null && bucket.getAvailableTokens() < 1;
    }

    private Bucket bucket(String key) {
        if (buckets.size() >= MAX_KEYS) {
            // Full buckets carry no information; dropping them keeps memory bounded under a spray of keys.
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(normalise(key), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    private static String normalise(String key) {
        return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    }
}
