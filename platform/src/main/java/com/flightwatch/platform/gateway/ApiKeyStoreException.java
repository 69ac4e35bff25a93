package com.flightwatch.platform.gateway;

/** The platform database could not store or read API keys, or a template's key value is already another key's. */
public class ApiKeyStoreException extends RuntimeException {

    public ApiKeyStoreException(String message) {
        super(message);
    }

    public ApiKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
