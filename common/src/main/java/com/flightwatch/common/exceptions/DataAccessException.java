package com.flightwatch.common.exceptions;

/** The database failed in a way the caller cannot fix (connection lost, SQL error); a 500. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String whatFailed, Throwable cause) {
        super(whatFailed + ": " + cause.getMessage(), cause);
    }
}
