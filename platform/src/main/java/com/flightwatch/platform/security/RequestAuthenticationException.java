package com.flightwatch.platform.security;

/**
 * A request to the control plane that does not prove who sent it. Each failure mode is a subclass;
 * {@link Refusals} turns them into each API's own error answer, in one place.
 */
abstract sealed class RequestAuthenticationException extends RuntimeException
        permits MissingAuthenticationTokenException, IncompleteSignatureException, UnknownAccessKeyException,
        SignatureMismatchException, SignatureExpiredException {

    RequestAuthenticationException(String message) {
        super(message, null, false, false); // refusals are expected traffic: no stack traces to fill
    }
}
