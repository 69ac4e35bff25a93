package com.flightwatch.platform.gateway;

/** The platform database could not read or store quota counts. */
public class QuotaStoreException extends RuntimeException {

    public QuotaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
