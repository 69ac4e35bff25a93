package com.flightwatch.platform.sns;

/**
 * A request SNS would refuse. {@link #errorCode()} is SNS's own error code (what the AWS SDK turns
 * into its modeled exception); the control plane maps each subclass to an HTTP status in one place.
 */
public abstract class SnsException extends RuntimeException {

    protected SnsException(String message) {
        super(message);
    }

    public abstract String errorCode();
}
