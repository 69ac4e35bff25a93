package com.flightwatch.platform.lambdaapi;

/** A function of that name exists already. Lambda's 409 {@code ResourceConflictException}. */
public class ResourceConflictException extends RuntimeException {

    public ResourceConflictException(String message) {
        super(message);
    }
}
