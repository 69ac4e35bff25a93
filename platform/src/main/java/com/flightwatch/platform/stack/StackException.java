package com.flightwatch.platform.stack;

/**
 * A cloud assembly or template the platform cannot run: a missing file, an unsupported resource
 * shape or a reference it cannot resolve. The message names the resource and what to do.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
