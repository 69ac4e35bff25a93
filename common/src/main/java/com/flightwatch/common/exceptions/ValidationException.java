package com.flightwatch.common.exceptions;

import java.util.List;

/** The request is well-formed JSON but breaks the contract's rules; answered with 400. */
public class ValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("Invalid request: " + describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        for (FieldError error : errors) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(error.field()).append(' ').append(error.message());
        }
        return text.toString();
    }
}
