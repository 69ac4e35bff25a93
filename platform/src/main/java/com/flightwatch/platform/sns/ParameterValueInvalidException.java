package com.flightwatch.platform.sns;

/** A message attribute is malformed: no name, an unknown data type, or no value. HTTP 400. */
public class ParameterValueInvalidException extends SnsException {

    public ParameterValueInvalidException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "ParameterValueInvalid";
    }
}
