package com.flightwatch.platform.gateway;

import java.util.List;
import java.util.Map;

/** What the gateway writes back: status, headers (each with its values, in order) and body. */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {
}
