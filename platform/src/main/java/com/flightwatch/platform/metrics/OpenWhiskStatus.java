package com.flightwatch.platform.metrics;

import com.flightwatch.platform.lambda.InvocationStatus;

/**
 * The {@code status} label of {@code openwhisk_action_status}: OpenWhisk's four activation
 * outcomes, so its dashboards carry over, plus {@code throttled}, which OpenWhisk never records as
 * an activation and the platform does.
 */
final class OpenWhiskStatus {

    static final String SUCCESS = "success";
    static final String APPLICATION_ERROR = "application_error";
    static final String DEVELOPER_ERROR = "action_developer_error";
    static final String INTERNAL_ERROR = "whisk_internal_error";
    static final String THROTTLED = "throttled";

    private OpenWhiskStatus() {
    }

    /**
     * The function answered with an error: application. It failed to start, ran out of time or died:
     * developer, as OpenWhisk counts init failures, timeouts and crashed containers. The platform failed: internal.
     */
    static String of(InvocationStatus status) {
        return switch (status) {
            case SUCCESS -> SUCCESS;
            case FUNCTION_ERROR -> APPLICATION_ERROR;
            case INIT_ERROR, TIMEOUT, CRASHED -> DEVELOPER_ERROR;
            case THROTTLED -> THROTTLED;
            case PLATFORM_ERROR -> INTERNAL_ERROR;
        };
    }
}
