package com.flightwatch.platform.gateway;

/** The API's OpenAPI document cannot be served: it does not parse, or a schema in it does not compile. */
public class InvalidApiDefinitionException extends RuntimeException {

    public InvalidApiDefinitionException(String message) {
        super(message);
    }

    public InvalidApiDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
