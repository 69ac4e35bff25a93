package com.flightwatch.platform.lambda;

/** No function of the requested name is deployed. Maps to Lambda's 404 ResourceNotFoundException. */
public class FunctionNotFoundException extends RuntimeException {

    public FunctionNotFoundException(String functionName) {
        super("Function not found: " + functionName);
    }
}
