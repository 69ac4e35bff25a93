package com.flightwatch.common.domain;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Time-ordered UUIDs (version 7). Ordering by id is ordering by creation: within one JVM strictly
 * (a counter in the 12 bits after the millisecond timestamp, RFC 9562 method 1), across JVMs to the
 * millisecond. That keeps primary-key B-trees append-mostly, lists passengers and alerts in the
 * order they were added, and makes id-based cursor pagination follow time.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int COUNTER_MAX = 0x0FFF;
    /** A new millisecond starts its counter low, leaving room for many ids in that millisecond. */
    private static final int COUNTER_START_RANGE = 0x0400;

    private static long lastMillis = -1;
    private static int counter;

    private Ids() {
    }

    public static String newId() {
        long millis;
        int sequence;
        synchronized (Ids.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis && counter < COUNTER_MAX) {
                counter++;
            } else {
                if (millis == lastMillis) {
                    millis++;
                }
                counter = RANDOM.nextInt(COUNTER_START_RANGE);
            }
            lastMillis = millis;
            sequence = counter;
        }
        long mostSignificant = (millis << 16) | 0x7000L | sequence;
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** True for the canonical lower-case 36-character form that {@link #newId()} produces. */
    public static boolean isWellFormed(String id) {
        return id != null && CANONICAL.matcher(id).matches();
    }
}
