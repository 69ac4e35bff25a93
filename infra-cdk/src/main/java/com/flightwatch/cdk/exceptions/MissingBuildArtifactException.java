package com.flightwatch.cdk.exceptions;

/**
 * A file the stack needs as input (a function jar, the OpenAPI document) is not where the
 * repository layout puts it. The message names every missing file and the command that makes it.
 */
public class MissingBuildArtifactException extends RuntimeException {

    public MissingBuildArtifactException(String message) {
        super(message);
    }
}
