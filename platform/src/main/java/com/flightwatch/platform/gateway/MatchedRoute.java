package com.flightwatch.platform.gateway;

import java.util.Map;

/**
 * The route a request matched, with its path parameters (decoded).
 *
 * @param path the request's path within the API: without the stage when the URL carried it
 */
record MatchedRoute(Route route, String path, Map<String, String> pathParameters) {
}
