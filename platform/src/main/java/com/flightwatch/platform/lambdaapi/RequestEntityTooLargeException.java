package com.flightwatch.platform.lambdaapi;

/**
 * A {@code CreateFunction} or {@code UpdateFunctionCode} request over Lambda's 50 MB {@code ZipFile}
 * limit. Lambda's 413 {@code RequestEntityTooLargeException} (not modeled by the SDK: it surfaces
 * as a {@code LambdaException} with that error code).
 */
public class RequestEntityTooLargeException extends RuntimeException {

    public RequestEntityTooLargeException(String message) {
        super(message);
    }
}
