package com.flightwatch.platform.sns;

import com.flightwatch.platform.stack.AwsIds;
import java.time.Duration;
import java.util.Objects;

/**
 * How topics behave locally. The defaults favour a developer watching the result: a failing
 * subscriber is retried {@code retries} times after 1 s, 2 s, 4 s, then dead-lettered.
 *
 * @param region               the region in topic ARNs
 * @param deliveryWorkers      deliveries in flight at once
 * @param retries              attempts after the first one before a delivery is dead-lettered
 * @param firstRetryDelay      the wait before the first retry; each further retry waits twice as long
 * @param pollInterval         how often idle workers look for due deliveries (a publish wakes them at once)
 * @param leaseDuration        how long a claimed delivery stays claimed; longer than any function's timeout
 * @param reclaimLeasesOnStart release every lease at start: right when this platform is the database's only user,
 *                             so that a delivery cut short by a crash is retried now rather than after its lease
 * @param publicEndpoint       the control plane's URL, for the UnsubscribeUrl of events and the SubscribeURL of
 *                             http/https confirmations
 * @param http                 how http/https subscribers are reached
 */
public record SnsSettings(
        String region,
        int deliveryWorkers,
        int retries,
        Duration firstRetryDelay,
        Duration pollInterval,
        Duration leaseDuration,
        boolean reclaimLeasesOnStart,
        String publicEndpoint,
        HttpDeliverySettings http) {

    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

    public SnsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(publicEndpoint, "publicEndpoint");
        Objects.requireNonNull(http, "http");
        if (deliveryWorkers < 1) {
            throw new IllegalArgumentException("deliveryWorkers must be at least 1, was " + deliveryWorkers);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    public static SnsSettings defaults() {
        return new SnsSettings(AwsIds.DEFAULT_REGION, 4, 3, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(16), true, "http://127.0.0.1:3001",
                HttpDeliverySettings.defaults());
    }

    public SnsSettings withRegion(String newRegion) {
        return new SnsSettings(newRegion, deliveryWorkers, retries, firstRetryDelay, pollInterval, leaseDuration,
                reclaimLeasesOnStart, publicEndpoint, http);
    }

    public SnsSettings withRetries(int newRetries, Duration newFirstRetryDelay) {
        return new SnsSettings(region, deliveryWorkers, newRetries, newFirstRetryDelay, pollInterval, leaseDuration,
                reclaimLeasesOnStart, publicEndpoint, http);
    }

    public SnsSettings withPublicEndpoint(String newPublicEndpoint) {
        return new SnsSettings(region, deliveryWorkers, retries, firstRetryDelay, pollInterval, leaseDuration,
                reclaimLeasesOnStart, newPublicEndpoint, http);
    }

    public SnsSettings withDeliveryWorkers(int newDeliveryWorkers) {
        return new SnsSettings(region, newDeliveryWorkers, retries, firstRetryDelay, pollInterval, leaseDuration,
                reclaimLeasesOnStart, publicEndpoint, http);
    }

    public SnsSettings withHttpDelivery(HttpDeliverySettings newHttp) {
        return new SnsSettings(region, deliveryWorkers, retries, firstRetryDelay, pollInterval, leaseDuration,
                reclaimLeasesOnStart, publicEndpoint, newHttp);
    }

    /** The wait before retry number {@code retry} (1-based): doubling from {@link #firstRetryDelay}, capped at 5 min. */
    public Duration retryDelay(int retry) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 20));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }
}
