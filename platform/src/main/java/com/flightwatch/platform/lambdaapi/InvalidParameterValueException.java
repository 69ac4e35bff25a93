package com.flightwatch.platform.lambdaapi;

/** A request parameter is missing or out of range. Lambda's 400 {@code InvalidParameterValueException}. */
public class InvalidParameterValueException extends RuntimeException {

    private final String field;

    public InvalidParameterValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The request field at fault, as Lambda's API names it ({@code MemorySize}, {@code Code.ZipFile}, ...). */
    public String field() {
        return field;
    }
}
