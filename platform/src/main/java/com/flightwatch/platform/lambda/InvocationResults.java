package com.flightwatch.platform.lambda;

import com.flightwatch.platform.lambda.ErrorDocuments.ErrorDocument;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The results both invokers give for what the platform decides itself: throttling, timeouts, interruptions. */
final class InvocationResults {

    private InvocationResults() {
    }

    static InvocationResult of(String requestId, InvocationStatus status, ErrorDocument error, long startNanos) {
        return new InvocationResult(requestId, status, error.json(), error.errorType(), error.errorMessage(),
                millisSince(startNanos));
    }

    static InvocationResult throttled(String requestId, String functionName, ConcurrencyLimit limit,
                                      InvocationType type, long startNanos) {
        String message = "Rate Exceeded. " + functionName + " is running " + limit.limit() + " invocations"
                + (type == InvocationType.EVENT && limit.limit() > 0
                ? "; the event waited " + ConcurrencyLimit.MAX_EVENT_WAIT.toMinutes() + " minutes for capacity" : "");
        return of(requestId, InvocationStatus.THROTTLED, ErrorDocuments.of("TooManyRequestsException", message),
                startNanos);
    }

    static InvocationResult timedOut(String requestId, int timeoutSeconds, long startNanos) {
        String message = String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
                requestId, (double) timeoutSeconds);
        return of(requestId, InvocationStatus.TIMEOUT, ErrorDocuments.of("Sandbox.Timedout", message), startNanos);
    }

    static InvocationResult interrupted(String requestId, long startNanos) {
        return of(requestId, InvocationStatus.PLATFORM_ERROR,
                ErrorDocuments.of("PlatformInterrupted", "The platform stopped waiting for the invocation"), startNanos);
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
