package com.flightwatch.platform.sns;

/** A parameter is missing or malformed (topic name, phone number, message, protocol...). SNS code InvalidParameter, HTTP 400. */
public class InvalidParameterException extends SnsException {

    public InvalidParameterException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "InvalidParameter";
    }
}
