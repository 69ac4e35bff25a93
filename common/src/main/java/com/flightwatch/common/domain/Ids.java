package com.flightwatch.common.domain;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Time-ordered UUIDs (version 7). Ordering by id is roughly ordering by creation, which keeps
 * the primary-key B-trees append-mostly and makes id-based cursor pagination follow time.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long mostSignificant = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** True for the canonical lower-case 36-character form that {@link #newId()} produces. */
    public static boolean isWellFormed(String id) {
        return id != null && CANONICAL.matcher(id).matches();
    }
}
