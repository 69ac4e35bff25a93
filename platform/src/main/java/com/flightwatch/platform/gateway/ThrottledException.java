package com.flightwatch.platform.gateway;

/** A throttle's bucket is empty (the key's usage plan, the stage's method settings, or the function's concurrency). */
class ThrottledException extends GatewayException {

    ThrottledException() {
        super("Too Many Requests", 429, "TooManyRequestsException", "THROTTLED", COMPACT_TEMPLATE);
    }
}
