package com.flightwatch.platform.security;

/** The control plane would be reachable from other machines, but no credentials were given to check. */
public final class MissingCredentialsException extends RuntimeException {

    public MissingCredentialsException(String message) {
        super(message);
    }
}
