package com.flightwatch.platform.sns;

/** The topic named in the request does not exist. SNS code NotFound, HTTP 404. */
public class TopicNotFoundException extends SnsException {

    public TopicNotFoundException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "NotFound";
    }
}
