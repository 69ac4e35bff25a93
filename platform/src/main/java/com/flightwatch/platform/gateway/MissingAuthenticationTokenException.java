package com.flightwatch.platform.gateway;

/** No route of the API matches the path and method: API Gateway's 403 for unknown resources. */
class MissingAuthenticationTokenException extends GatewayException {

    MissingAuthenticationTokenException() {
        super("Missing Authentication Token", 403, "MissingAuthenticationTokenException", "MISSING_AUTHENTICATION_TOKEN",
                COMPACT_TEMPLATE);
    }
}
