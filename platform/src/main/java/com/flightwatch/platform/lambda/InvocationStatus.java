package com.flightwatch.platform.lambda;

/** Whose fault an invocation's end was: the function's, or the platform's. Names follow DESIGN.md. */
public enum InvocationStatus {
    SUCCESS,
    FUNCTION_ERROR,
    INIT_ERROR,
    TIMEOUT,
    CRASHED,
    THROTTLED,
    PLATFORM_ERROR
}
