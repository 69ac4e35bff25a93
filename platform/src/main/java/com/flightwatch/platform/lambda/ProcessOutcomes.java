package com.flightwatch.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns what a function process's runtime client reported (or failed to) into the invocation's result. */
final class ProcessOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessOutcomes() {
    }

    static InvocationResult initError(String functionName, String requestId, RuntimeOutcome outcome,
                                      long initTimeoutMillis, long startNanos) {
        if (outcome.payload() == null) {
            String message = outcome.errorType().equals("Runtime.InitTimeout")
                    ? "Init of " + functionName + " timed out after " + initTimeoutMillis / 1000 + " seconds"
                    : "The instance of " + functionName + " exited during init";
            return InvocationResults.of(requestId, InvocationStatus.INIT_ERROR,
                    ErrorDocuments.of(outcome.errorType(), message), startNanos);
        }
        InvocationResult reported = reported(requestId, outcome, startNanos);
        return new InvocationResult(requestId, InvocationStatus.INIT_ERROR, reported.payload(), reported.errorType(),
                reported.errorMessage(), reported.durationMillis());
    }

    static InvocationResult crashed(String requestId, int exitStatus, long startNanos) {
        return InvocationResults.of(requestId, InvocationStatus.CRASHED, ErrorDocuments.of("Runtime.ExitError",
                "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitStatus), startNanos);
    }

    /** A failure the runtime client reported, with its error document as it sent it. */
    static InvocationResult reported(String requestId, RuntimeOutcome outcome, long startNanos) {
        String errorType = outcome.errorType();
        String errorMessage = null;
        try {
            JsonNode document = JSON.readTree(outcome.payload());
            if (document != null && document.hasNonNull("errorType")) {
                errorType = document.get("errorType").asText();
            }
            errorMessage = document == null || !document.hasNonNull("errorMessage") ? null
                    : document.get("errorMessage").asText();
        } catch (IOException e) {
            // Not JSON: keep the header's type and no message.
        }
        return new InvocationResult(requestId, outcome.status(), outcome.payload(), errorType, errorMessage,
                InvocationResults.millisSince(startNanos));
    }
}
