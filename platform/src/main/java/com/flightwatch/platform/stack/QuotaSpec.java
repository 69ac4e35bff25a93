package com.flightwatch.platform.stack;

/**
 * A usage plan's quota: at most {@code limit} requests per key in each period (UTC).
 *
 * @param offset where a period starts: for WEEK the day (0 = Sunday, 1 = Monday, ...), for MONTH
 *               the days after the 1st; ignored for DAY
 */
public record QuotaSpec(long limit, Period period, int offset) {

    public enum Period { DAY, WEEK, MONTH }
}
