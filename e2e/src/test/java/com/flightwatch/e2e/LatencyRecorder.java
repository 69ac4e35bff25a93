package com.flightwatch.e2e;

import java.util.Arrays;

/** Latencies of one kind of request, kept whole (no sampling) for exact percentiles. */
final class LatencyRecorder {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The percentile (0–100] in milliseconds; NaN when nothing was recorded. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(index, count - 1))] / 1e6;
    }

    /** Everything of {@code others} added to this one. */
    synchronized void addAll(LatencyRecorder other) {
        long[] theirs;
        int theirCount;
        synchronized (other) {
            theirs = Arrays.copyOf(other.nanos, other.count);
            theirCount = other.count;
        }
        for (int i = 0; i < theirCount; i++) {
            record(theirs[i]);
        }
    }
}
