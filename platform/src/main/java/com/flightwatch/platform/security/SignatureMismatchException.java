package com.flightwatch.platform.security;

/** The signature is not the one the request and the key's secret make, or its scope is wrong. */
final class SignatureMismatchException extends RequestAuthenticationException {

    SignatureMismatchException(String message) {
        super(message);
    }
}
