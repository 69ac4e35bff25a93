package com.flightwatch.platform.gateway;

/** The stack has no API key with that logical id. */
public class ApiKeyNotFoundException extends RuntimeException {

    public ApiKeyNotFoundException(String message) {
        super(message);
    }
}
