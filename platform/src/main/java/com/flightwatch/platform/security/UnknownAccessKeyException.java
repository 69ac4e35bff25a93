package com.flightwatch.platform.security;

/** The access key id is not one the control plane knows. */
final class UnknownAccessKeyException extends RequestAuthenticationException {

    UnknownAccessKeyException(String message) {
        super(message);
    }
}
