package com.flightwatch.platform.store;

/** A statement against the platform's database failed: the database is down, or the schema is not what we expect. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
