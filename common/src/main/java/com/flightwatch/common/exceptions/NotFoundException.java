package com.flightwatch.common.exceptions;

/** The flight (or route) named by the request does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
