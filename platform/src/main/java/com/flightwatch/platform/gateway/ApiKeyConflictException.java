package com.flightwatch.platform.gateway;

/** A key of that name already exists in the stack. */
public class ApiKeyConflictException extends RuntimeException {

    public ApiKeyConflictException(String message) {
        super(message);
    }
}
