package com.flightwatch.platform.gateway;

/** The operation requires an API key and {@code x-api-key} is missing, unknown or disabled. */
class InvalidApiKeyException extends GatewayException {

    InvalidApiKeyException() {
        super("Forbidden", 403, "ForbiddenException", "INVALID_API_KEY", COMPACT_TEMPLATE);
    }
}
