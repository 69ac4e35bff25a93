package com.flightwatch.platform.sns;

/** The subscription named in the request does not exist. SNS code NotFound, HTTP 404. */
public class SubscriptionNotFoundException extends SnsException {

    public SubscriptionNotFoundException() {
        super("Subscription does not exist");
    }

    @Override
    public String errorCode() {
        return "NotFound";
    }
}
