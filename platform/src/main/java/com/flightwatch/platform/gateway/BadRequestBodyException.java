package com.flightwatch.platform.gateway;

import java.util.List;

/** The body does not match the operation's schema (the body validator). */
class BadRequestBodyException extends GatewayException {

    private final List<String> problems;

    /** @param problems one line per failure, naming the field by its JSON path: {@code $.passengers[0].phone: ...} */
    BadRequestBodyException(List<String> problems) {
        super("Invalid request body", 400, "BadRequestException", "BAD_REQUEST_BODY", SPACED_TEMPLATE);
        this.problems = List.copyOf(problems);
    }

    @Override
    String validationErrorString() {
        return "[" + String.join(", ", problems) + "]";
    }
}
