package com.flightwatch.platform.lambda;

/** Making a class-data sharing archive failed; function JVMs start without one. */
final class ClassDataSharingException extends RuntimeException {

    ClassDataSharingException(String message) {
        super(message);
    }

    ClassDataSharingException(String message, Throwable cause) {
        super(message, cause);
    }
}
