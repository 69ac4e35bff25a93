package com.flightwatch.platform.store;

/** The embedded MariaDB could not be unpacked, installed, started or stopped; the message says which and why. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
