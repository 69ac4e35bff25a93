package com.flightwatch.platform.control;

import com.flightwatch.platform.sns.SnsException;

/** The request names no Action, or one this endpoint does not serve. SNS code InvalidAction, HTTP 400. */
public class InvalidActionException extends SnsException {

    public InvalidActionException(String action) {
        super(action == null || action.isEmpty()
                ? "The request must contain the parameter Action."
                : "The action " + action + " is not valid for this endpoint.");
    }

    @Override
    public String errorCode() {
        return "InvalidAction";
    }
}
