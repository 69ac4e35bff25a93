package com.flightwatch.platform.security;

/** The signature's date is more than 15 minutes away from now, or a presigned request has expired. */
final class SignatureExpiredException extends RequestAuthenticationException {

    SignatureExpiredException(String message) {
        super(message);
    }
}
