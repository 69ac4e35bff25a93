package com.flightwatch.platform.control;

import com.flightwatch.platform.sns.SnsException;

/**
 * The request names no Action (AWS's common error code MissingAction), or one this endpoint does
 * not serve (InvalidAction); HTTP 400 either way.
 */
public class InvalidActionException extends SnsException {

    private final boolean missing;

    public InvalidActionException(String action) {
        super(action == null || action.isEmpty()
                ? "The request must contain the parameter Action."
                : "The action " + action + " is not valid for this endpoint.");
        this.missing = action == null || action.isEmpty();
    }

    @Override
    public String errorCode() {
        return missing ? "MissingAction" : "InvalidAction";
    }
}
