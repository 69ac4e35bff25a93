package com.flightwatch.platform.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway serves of one OpenAPI document: its routes, its gateway response overrides and
 * the media types it passes to functions as base64.
 */
record ApiDefinition(List<Route> routes, Map<String, ResponseOverride> gatewayResponses, Set<String> binaryMediaTypes) {
}
