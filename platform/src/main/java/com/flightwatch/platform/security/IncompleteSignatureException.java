package com.flightwatch.platform.security;

/** The signature is malformed or misses a part. */
final class IncompleteSignatureException extends RequestAuthenticationException {

    IncompleteSignatureException(String message) {
        super(message);
    }
}
