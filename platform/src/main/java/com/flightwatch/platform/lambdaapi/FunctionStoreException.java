package com.flightwatch.platform.lambdaapi;

/** The configuration of functions created through the Lambda API could not be read or written. */
public class FunctionStoreException extends RuntimeException {

    public FunctionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
