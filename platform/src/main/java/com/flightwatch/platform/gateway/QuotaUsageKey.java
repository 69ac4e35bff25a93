package com.flightwatch.platform.gateway;

import java.time.Instant;

/** Whose requests a quota count is: one key of one usage plan, in one period. */
public record QuotaUsageKey(String stackName, String planId, String keyId, Instant periodStart) {
}
