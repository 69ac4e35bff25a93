package com.flightwatch.platform.security;

/** The request carries no signature and no credentials. */
final class MissingAuthenticationTokenException extends RequestAuthenticationException {

    MissingAuthenticationTokenException(String message) {
        super(message);
    }
}
