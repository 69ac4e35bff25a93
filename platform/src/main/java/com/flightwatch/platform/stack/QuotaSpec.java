package com.flightwatch.platform.stack;

/**
 * A usage plan's quota: at most {@code limit} requests per key in each period (UTC).
 *
 * @param offset the number of requests subtracted from the limit in the plan's initial period, as
 *               API Gateway's {@code QuotaSettings.offset} (never negative)
 */
public record QuotaSpec(long limit, Period period, int offset) {

    public enum Period { DAY, WEEK, MONTH }
}
