package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import java.nio.file.Files;

/** A function's code (its jar or directory) is not there to load. */
public class FunctionCodeException extends RuntimeException {

    public FunctionCodeException(String message) {
        super(message);
    }

    /** Both invokers check this at deploy time, so a missing jar fails the deploy, not the first call. */
    static void requireCode(FunctionSpec spec) {
        if (spec.codePath() == null || !Files.exists(spec.codePath())) {
            throw new FunctionCodeException("The code of function " + spec.name() + " is missing: " + spec.codePath());
        }
    }
}
