package com.flightwatch.platform.gateway;

/** The key has used up its usage plan's quota for the current period. */
class QuotaExceededException extends GatewayException {

    QuotaExceededException() {
        super("Limit Exceeded", 429, "LimitExceededException", "QUOTA_EXCEEDED", COMPACT_TEMPLATE);
    }
}
