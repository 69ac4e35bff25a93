package com.flightwatch.common.exceptions;

/**
 * The database failed in a way the caller cannot fix (an SQL error); a 500. When it could not be
 * reached at all, the subclass {@link DatabaseUnavailableException}: a 503.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String whatFailed, Throwable cause) {
        super(whatFailed + ": " + cause.getMessage(), cause);
    }
}
