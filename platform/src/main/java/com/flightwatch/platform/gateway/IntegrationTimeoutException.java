package com.flightwatch.platform.gateway;

/** The function did not answer within the integration's timeout (29 s by default). */
class IntegrationTimeoutException extends GatewayException {

    IntegrationTimeoutException() {
        super("Endpoint request timed out", 504, "InternalServerErrorException", "INTEGRATION_TIMEOUT", SPACED_TEMPLATE);
    }
}
