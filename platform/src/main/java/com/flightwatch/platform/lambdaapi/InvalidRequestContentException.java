package com.flightwatch.platform.lambdaapi;

/** An {@code Invoke} payload that is not JSON: Lambda's 400 {@code InvalidRequestContentException}, before any function runs. */
public class InvalidRequestContentException extends RuntimeException {

    public InvalidRequestContentException(String detail) {
        super("Could not parse request body into json: Could not parse payload into json: " + detail);
    }
}
