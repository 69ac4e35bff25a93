package com.flightwatch.platform.lambda;

/** A function's code (its jar or directory) is not there to load. */
public class FunctionCodeException extends RuntimeException {

    public FunctionCodeException(String message) {
        super(message);
    }
}
