package com.flightwatch.platform.gateway;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the gateway sees it, decoded once.
 *
 * @param headers header names as the client sent them (case kept), in order, with every value
 * @param query   query parameters, decoded, with every value
 * @param body    the raw body; empty when there is none
 */
record GatewayRequest(
        String requestId,
        String httpMethod,
        String path,
        Map<String, List<String>> headers,
        Map<String, List<String>> query,
        byte[] body,
        String sourceIp,
        String protocol,
        long requestTimeEpoch) {

    /** The last value of a header, matched without regard to case (as HTTP names are); null when absent. */
    String header(String name) {
        List<String> values = null;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                values = header.getValue();
            }
        }
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    boolean hasHeader(String name) {
        return header(name) != null;
    }
}
