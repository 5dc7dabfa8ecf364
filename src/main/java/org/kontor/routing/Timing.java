package org.kontor.routing;

import java.util.Arrays;

/** A small recorder of durations: count, mean, p50, p99 and max over the last 10,000 samples. */
public final class Timing {
    private static final int WINDOW = 10_000;
    private final long[] samples = new long[WINDOW];
    private long count;

    public synchronized void record(long nanos) {
        samples[(int) (count % WINDOW)] = nanos;
        count++;
    }

    public synchronized Stats stats() {
        int n = (int) Math.min(count, WINDOW);
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        if (n == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return new Stats(count, mean, s[(int) Math.floor(0.5 * (n - 1))] / 1e6, s[(int) Math.floor(0.99 * (n - 1))] / 1e6, s[n - 1] / 1e6);
    }

    public record Stats(long count, double meanMs, double p50Ms, double p99Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "n=%d mean=%.2f ms p50=%.2f ms p99=%.2f ms max=%.2f ms", count, meanMs, p50Ms, p99Ms, maxMs);
        }
    }
}
