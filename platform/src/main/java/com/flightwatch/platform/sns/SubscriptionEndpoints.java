package com.flightwatch.platform.sns;

import java.net.URI;
import java.net.URISyntaxException;

/** The protocols the platform delivers to, and the endpoint each one takes, checked as SNS checks them. */
final class SubscriptionEndpoints {

    private SubscriptionEndpoints() {
    }

    /**
     * @return whether the subscription waits for its endpoint to confirm (http and https do)
     * @throws InvalidParameterException for another protocol or an endpoint that does not fit the protocol
     */
    static boolean requireValid(String protocol, String endpoint) {
        if (protocol == null || protocol.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: Protocol Reason: no value for required parameter");
        }
        switch (protocol) {
            case "lambda" -> {
                if (!LambdaEndpoints.isFunctionArn(endpoint)) {
                    throw new InvalidParameterException("Invalid parameter: Lambda endpoint ARN");
                }
                return false;
            }
            case "http", "https" -> {
                requireUrl(protocol, endpoint);
                return true;
            }
            default -> throw new InvalidParameterException("Invalid parameter: Protocol Reason: the platform delivers to"
                    + " lambda, http and https subscribers, not " + protocol);
        }
    }

    private static void requireUrl(String protocol, String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: Endpoint Reason: no value for required parameter");
        }
        try {
            URI url = new URI(endpoint);
            if (protocol.equalsIgnoreCase(url.getScheme()) && url.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // Reported below, as SNS words it.
        }
        throw new InvalidParameterException("Invalid parameter: Endpoint must match the specified protocol");
    }
}
