package com.flightwatch.platform.lambdaapi;

/** A function's uploaded code could not be written to, or removed from, the platform's data directory. */
public class FunctionCodeStorageException extends RuntimeException {

    public FunctionCodeStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
