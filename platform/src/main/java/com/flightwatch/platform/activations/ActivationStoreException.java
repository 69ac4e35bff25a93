package com.flightwatch.platform.activations;

/** The activation table could not be read or written. */
public final class ActivationStoreException extends RuntimeException {

    public ActivationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
