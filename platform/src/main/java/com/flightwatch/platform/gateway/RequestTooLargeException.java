package com.flightwatch.platform.gateway;

/** The body exceeds the payload limit (10 MB, as on API Gateway). */
class RequestTooLargeException extends GatewayException {

    RequestTooLargeException() {
        super("Request Too Long", 413, "RequestEntityTooLargeException", "REQUEST_TOO_LARGE", COMPACT_TEMPLATE);
    }
}
