package com.flightwatch.platform.gateway;

import java.util.Map;

/**
 * One entry of {@code x-amazon-apigateway-gateway-responses}.
 *
 * @param statusCode         null to keep the response type's own status
 * @param responseParameters e.g. {@code gatewayresponse.header.Access-Control-Allow-Origin → 'https://example.com'}
 * @param responseTemplates  body templates by media type
 */
record ResponseOverride(Integer statusCode, Map<String, String> responseParameters, Map<String, String> responseTemplates) {
}
