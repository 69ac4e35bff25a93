package com.flightwatch.platform.lambda;

/**
 * The handler could not be made ready: its class is missing, its static initializer or constructor
 * threw, or the handler string names no usable method. Reported as an {@code INIT_ERROR}, with the
 * cause's type and message, the way Lambda reports a failed init phase.
 */
class HandlerInitException extends RuntimeException {

    HandlerInitException(String message, Throwable cause) {
        super(message, cause);
    }

    HandlerInitException(String message) {
        super(message);
    }

    /** What the error document names: the function's own throwable when there is one. */
    Throwable reported() {
        return getCause() != null ? getCause() : this;
    }
}
