package com.flightwatch.platform.gateway;

/**
 * The function could not answer the request: it failed, returned something that is not a proxy
 * response (502), or could not be invoked at all — throttled, not deployed (500). Never carries
 * the function's error to the client.
 */
class IntegrationFailureException extends GatewayException {

    private IntegrationFailureException(int status, String responseType) {
        super("Internal server error", status, "InternalServerErrorException", responseType, SPACED_TEMPLATE);
    }

    /** The function's fault: its error, or a response API Gateway cannot read. */
    static IntegrationFailureException badGateway() {
        return new IntegrationFailureException(502, "DEFAULT_5XX");
    }

    /** The invocation itself failed: throttled, missing, or the platform's fault. */
    static IntegrationFailureException notInvoked() {
        return new IntegrationFailureException(500, "INTEGRATION_FAILURE");
    }
}
