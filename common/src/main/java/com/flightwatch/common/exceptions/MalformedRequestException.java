package com.flightwatch.common.exceptions;

/**
 * The body is not JSON, or a value has the wrong JSON type, or a property is not in the
 * contract; answered with 400 naming the field (or {@code body}) and the position.
 */
public class MalformedRequestException extends RuntimeException {

    private final String field;

    public MalformedRequestException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
