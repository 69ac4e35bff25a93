package com.flightwatch.sms;

/**
 * Sending failed for now (throttled, carrier down, network): the claim is given up and the
 * invocation fails, so the topic delivers the message again later.
 */
public class SmsUnavailableException extends RuntimeException {

    public SmsUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
