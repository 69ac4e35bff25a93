package com.flightwatch.platform.lambdaapi;

/**
 * A request field outside the API model's own constraints (a pattern, a length, an enum), which
 * Lambda's front end refuses before the service reads it: 400 {@code ValidationException}, with
 * AWS's wording ("1 validation error detected: Value 'x' at 'functionName' failed to satisfy
 * constraint: ...").
 */
public class ValidationException extends RuntimeException {

    public ValidationException(String value, String member, String constraint) {
        super("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                + constraint);
    }
}
