package com.flightwatch.platform.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where quota counts last beyond the gateway's memory. Implementations may block (a database). */
public interface QuotaStore {

    /** The requests counted so far for this key, plan and period; 0 when none. */
    long used(QuotaUsageKey key);

    /** Adds these counts to what is stored. */
    void add(Map<QuotaUsageKey, Long> counts);

    /**
     * The earliest period in which any key of this plan was counted: the plan's initial period,
     * where the quota's offset applies. Empty while the plan has no stored count.
     */
    Optional<Instant> firstPeriod(String stackName, String planId);

    /** A store that lasts as long as the process: for tests and gateways without a database. */
    static QuotaStore inMemory() {
        Map<QuotaUsageKey, Long> stored = new ConcurrentHashMap<>();
        return new QuotaStore() {
            @Override
            public long used(QuotaUsageKey key) {
                return stored.getOrDefault(key, 0L);
            }

            @Override
            public void add(Map<QuotaUsageKey, Long> counts) {
                counts.forEach((key, count) -> stored.merge(key, count, Long::sum));
            }

            @Override
            public Optional<Instant> firstPeriod(String stackName, String planId) {
                return stored.keySet().stream()
                        .filter(key -> key.stackName().equals(stackName) && key.planId().equals(planId))
                        .map(QuotaUsageKey::periodStart)
                        .min(Instant::compareTo);
            }
        };
    }
}
