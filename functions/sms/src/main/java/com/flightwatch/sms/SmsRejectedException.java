package com.flightwatch.sms;

/** The carrier refused the message and would refuse it again: the alert becomes FAILED. */
public class SmsRejectedException extends RuntimeException {

    public SmsRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
