package com.flightwatch.platform.gateway;

/**
 * Told of every response a {@link Gateway} sends: the seam metrics use. Runs on the event loop, so
 * an implementation must be quick and must not block.
 */
@FunctionalInterface
public interface GatewayObserver {

    GatewayObserver NONE = (method, resourcePath, apiKeyId, status, latencyNanos) -> {
    };

    /**
     * @param method       the matched operation's method ({@code GET}, or {@code ANY}); null when no route matched
     * @param resourcePath the matched resource path, such as {@code /flights/{flightId}}; null when no route matched
     * @param apiKeyId     the logical id of the API key the request passed with (never its value); null when none
     * @param status       the HTTP status sent
     * @param latencyNanos from the request's arrival to its response being written
     */
    void responded(String method, String resourcePath, String apiKeyId, int status, long latencyNanos);
}
