package com.flightwatch.cdk.exceptions;

/** A {@code -c key=value} given to the CDK app has a value the stack does not know. */
public class InvalidContextException extends RuntimeException {

    public InvalidContextException(String message) {
        super(message);
    }
}
