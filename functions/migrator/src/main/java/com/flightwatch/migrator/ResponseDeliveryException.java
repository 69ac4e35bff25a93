package com.flightwatch.migrator;

/** The answer could not be PUT to CloudFormation's ResponseURL; the stack waits until its timeout. */
public class ResponseDeliveryException extends RuntimeException {

    public ResponseDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
