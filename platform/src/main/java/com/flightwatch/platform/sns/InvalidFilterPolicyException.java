package com.flightwatch.platform.sns;

/** A filter policy SNS would not accept. SNS answers it as InvalidParameter, HTTP 400. */
public class InvalidFilterPolicyException extends InvalidParameterException {

    public InvalidFilterPolicyException(String reason) {
        super("Invalid parameter: FilterPolicy: " + reason);
    }
}
