package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.stack.AwsIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Step four: the Lambda proxy event, API Gateway's payload format 1.0 for REST APIs, field for
 * field: single- and multi-value headers and query strings (null when absent), path parameters,
 * the request context with the stage in its path, and the body (base64 for binary media types).
 */
final class ProxyEventBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final String apiId;
    private final String stage;
    private final Set<String> binaryMediaTypes;

    ProxyEventBuilder(String apiId, String stage, Set<String> binaryMediaTypes) {
        this.apiId = apiId;
        this.stage = stage;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    byte[] build(MatchedRoute matched, GatewayRequest request, ResolvedApiKey apiKey) {
        String resourcePath = matched.route().path().template();
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", resourcePath);
        event.put("path", matched.path());
        event.put("httpMethod", request.httpMethod());
        Map<String, List<String>> headers = forwardedHeaders(request);
        event.set("headers", singleValues(headers));
        event.set("multiValueHeaders", multiValues(headers));
        event.set("queryStringParameters", singleValues(request.query()));
        event.set("multiValueQueryStringParameters", multiValues(request.query()));
        event.set("pathParameters", matched.pathParameters().isEmpty() ? null : JSON.valueToTree(matched.pathParameters()));
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(request, matched.path(), resourcePath, apiKey));
        boolean binary = isBinary(request.header("Content-Type"));
        if (request.body().length == 0) {
            event.putNull("body");
        } else {
            event.put("body", binary ? Base64.getEncoder().encodeToString(request.body())
                    : new String(request.body(), StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", binary && request.body().length > 0);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException("A proxy event is always serializable", e);
        }
    }

    private ObjectNode requestContext(GatewayRequest request, String path, String resourcePath, ResolvedApiKey apiKey) {
        String host = request.header("Host");
        ObjectNode context = JSON.createObjectNode();
        context.put("resourceId", GatewayIds.resourceId(resourcePath));
        context.put("resourcePath", resourcePath);
        context.put("httpMethod", request.httpMethod());
        context.put("extendedRequestId", request.requestId());
        context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(request.requestTimeEpoch())));
        context.put("path", "/" + stage + path);
        context.put("accountId", AwsIds.ACCOUNT_ID);
        context.put("protocol", request.protocol());
        context.put("stage", stage);
        context.put("domainPrefix", host == null ? apiId : host.split("[.:]", 2)[0]);
        context.put("requestTimeEpoch", request.requestTimeEpoch());
        context.put("requestId", request.requestId());
        ObjectNode identity = context.putObject("identity");
        for (String absent : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller")) {
            identity.putNull(absent);
        }
        identity.put("apiKey", apiKey == null ? null : apiKey.value());
        identity.put("apiKeyId", apiKey == null ? null : GatewayIds.apiKeyId(apiKey));
        identity.put("sourceIp", request.sourceIp());
        for (String absent : List.of("principalOrgId", "accessKey", "cognitoAuthenticationType",
                "cognitoAuthenticationProvider", "userArn")) {
            identity.putNull(absent);
        }
        identity.put("userAgent", request.header("User-Agent"));
        identity.putNull("user");
        context.put("domainName", host == null ? apiId + ".execute-api.localhost" : host);
        context.put("apiId", apiId);
        return context;
    }

    /** API Gateway adds the X-Forwarded-* headers a load balancer would. */
    private static Map<String, List<String>> forwardedHeaders(GatewayRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (!request.hasHeader("X-Forwarded-For")) {
            headers.put("X-Forwarded-For", List.of(request.sourceIp()));
        }
        if (!request.hasHeader("X-Forwarded-Proto")) {
            headers.put("X-Forwarded-Proto", List.of("http"));
        }
        return headers;
    }

    private boolean isBinary(String contentType) {
        if (contentType == null || binaryMediaTypes.isEmpty()) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return binaryMediaTypes.contains(mediaType) || binaryMediaTypes.contains("*/*")
                || binaryMediaTypes.contains(mediaType.split("/", 2)[0] + "/*");
    }

    /** The last value of each name, as API Gateway fills the single-value maps; null when there are none. */
    private static ObjectNode singleValues(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, list) -> node.put(name, list.get(list.size() - 1)));
        return node;
    }

    private static ObjectNode multiValues(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, list) -> list.forEach(node.putArray(name)::add));
        return node;
    }
}
