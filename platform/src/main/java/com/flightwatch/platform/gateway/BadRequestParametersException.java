package com.flightwatch.platform.gateway;

import java.util.List;

/** Required query strings, headers or path parameters are missing (the parameters validator). */
class BadRequestParametersException extends GatewayException {

    private final List<String> missing;

    BadRequestParametersException(List<String> missing) {
        super("Missing required request parameters: [" + String.join(", ", missing) + "]", 400, "BadRequestException",
                "BAD_REQUEST_PARAMETERS", SPACED_TEMPLATE);
        this.missing = List.copyOf(missing);
    }

    /** The missing parameters, e.g. {@code [flightNumber, x-request-id]}. */
    @Override
    String validationErrorString() {
        return "[" + String.join(", ", missing) + "]";
    }
}
