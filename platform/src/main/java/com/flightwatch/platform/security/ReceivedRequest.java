package com.flightwatch.platform.security;

import java.util.List;
import java.util.Map;

/**
 * A request as it reached the control plane, in the raw form a signature covers.
 *
 * @param rawPath  the path exactly as sent, still percent-encoded
 * @param rawQuery the query string as sent (null or empty when none)
 * @param headers  header values by lower-case name
 */
record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
