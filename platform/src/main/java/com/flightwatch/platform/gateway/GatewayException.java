package com.flightwatch.platform.gateway;

import java.util.List;

/**
 * A request the gateway answers itself, as API Gateway does: each subclass is one failure mode,
 * with its status, message, {@code x-amzn-ErrorType}, default body template and the gateway
 * response types ({@code x-amazon-apigateway-gateway-responses}) that may override it.
 */
abstract class GatewayException extends RuntimeException {

    /** API Gateway's default body for most responses: compact JSON. */
    static final String COMPACT_TEMPLATE = "{\"message\":$context.error.messageString}";
    /** The default body of validation and integration errors, which API Gateway writes with a space. */
    static final String SPACED_TEMPLATE = "{\"message\": $context.error.messageString}";

    private final int status;
    private final String errorType;
    private final List<String> responseTypes;
    private final String defaultTemplate;

    GatewayException(String message, int status, String errorType, String responseType, String defaultTemplate) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        this.responseTypes = List.of(responseType, status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
        this.defaultTemplate = defaultTemplate;
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    /** The gateway response types to look up, most specific first. */
    List<String> responseTypes() {
        return responseTypes;
    }

    String defaultTemplate() {
        return defaultTemplate;
    }

    /** {@code $context.error.validationErrorString}: empty unless a validator failed. */
    String validationErrorString() {
        return "";
    }
}
