package com.flightwatch.platform.lambdaapi;

/**
 * An {@code Invoke} payload over Lambda's limit (6 MB synchronous, 256 KB {@code Event}). Lambda's
 * 413 {@code RequestTooLargeException}, the type the SDK's {@code LambdaClient} models for Invoke.
 */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
