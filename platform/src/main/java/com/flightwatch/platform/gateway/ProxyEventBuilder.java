package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.flightwatch.platform.stack.AwsIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Step four: the Lambda proxy event, API Gateway's payload format 1.0 for REST APIs, field for
 * field: single- and multi-value headers and query strings (null when absent), path parameters,
 * the request context with the stage in its path, and the body (base64 for binary media types).
 *
 * <p>Written straight to bytes with a streaming generator, in the order API Gateway writes the
 * fields: building a JSON tree first and serializing it was most of the gateway's own CPU time per request.
 */
final class ProxyEventBuilder {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> ABSENT_BEFORE_API_KEY = List.of("cognitoIdentityPoolId", "accountId",
            "cognitoIdentityId", "caller");
    private static final List<String> ABSENT_AFTER_SOURCE_IP = List.of("principalOrgId", "accessKey",
            "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn");

    private final String apiId;
    private final String stage;
    private final Set<String> binaryMediaTypes;
    private final RequestTimes requestTimes = new RequestTimes();
    /** Ids are hashes of names that never change while the gateway runs: computed once each. */
    private final ConcurrentMap<String, String> resourceIds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> apiKeyIds = new ConcurrentHashMap<>();

    ProxyEventBuilder(String apiId, String stage, Set<String> binaryMediaTypes) {
        this.apiId = apiId;
        this.stage = stage;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    byte[] build(MatchedRoute matched, GatewayRequest request, ResolvedApiKey apiKey) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048 + request.body().length * 4 / 3);
        try (JsonGenerator event = JSON.createGenerator(bytes)) {
            String resourcePath = matched.route().path().template();
            event.writeStartObject();
            event.writeStringField("resource", resourcePath);
            event.writeStringField("path", matched.path());
            event.writeStringField("httpMethod", request.httpMethod());
            Map<String, List<String>> headers = forwardedHeaders(request);
            writeSingleValues(event, "headers", headers);
            writeMultiValues(event, "multiValueHeaders", headers);
            writeSingleValues(event, "queryStringParameters", request.query());
            writeMultiValues(event, "multiValueQueryStringParameters", request.query());
            writePathParameters(event, matched.pathParameters());
            event.writeNullField("stageVariables");
            writeRequestContext(event, request, matched.path(), resourcePath, apiKey);
            boolean binary = isBinary(request.header("Content-Type"));
            if (request.body().length == 0) {
                event.writeNullField("body");
            } else {
                event.writeStringField("body", binary ? Base64.getEncoder().encodeToString(request.body())
                        : new String(request.body(), StandardCharsets.UTF_8));
            }
            event.writeBooleanField("isBase64Encoded", binary && request.body().length > 0);
            event.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("A proxy event is always writable to memory", e);
        }
        return bytes.toByteArray();
    }

    private void writeRequestContext(JsonGenerator event, GatewayRequest request, String path, String resourcePath,
                                     ResolvedApiKey apiKey) throws IOException {
        String host = request.header("Host");
        event.writeObjectFieldStart("requestContext");
        event.writeStringField("resourceId", resourceIds.computeIfAbsent(resourcePath, GatewayIds::resourceId));
        event.writeStringField("resourcePath", resourcePath);
        event.writeStringField("httpMethod", request.httpMethod());
        event.writeStringField("extendedRequestId", request.requestId());
        event.writeStringField("requestTime", requestTimes.format(request.requestTimeEpoch()));
        event.writeStringField("path", "/" + stage + path);
        event.writeStringField("accountId", AwsIds.ACCOUNT_ID);
        event.writeStringField("protocol", request.protocol());
        event.writeStringField("stage", stage);
        event.writeStringField("domainPrefix", host == null ? apiId : domainPrefix(host));
        event.writeNumberField("requestTimeEpoch", request.requestTimeEpoch());
        event.writeStringField("requestId", request.requestId());
        event.writeObjectFieldStart("identity");
        for (String absent : ABSENT_BEFORE_API_KEY) {
            event.writeNullField(absent);
        }
        event.writeStringField("apiKey", apiKey == null ? null : apiKey.value());
        event.writeStringField("apiKeyId", apiKey == null ? null : apiKeyIds.computeIfAbsent(
                apiKey.stackName() + "/" + apiKey.logicalId(), ignored -> GatewayIds.apiKeyId(apiKey)));
        event.writeStringField("sourceIp", request.sourceIp());
        for (String absent : ABSENT_AFTER_SOURCE_IP) {
            event.writeNullField(absent);
        }
        event.writeStringField("userAgent", request.header("User-Agent"));
        event.writeNullField("user");
        event.writeEndObject();
        event.writeStringField("domainName", host == null ? apiId + ".execute-api.localhost" : host);
        event.writeStringField("apiId", apiId);
        event.writeEndObject();
    }

    /** The host's first label: {@code abc} of {@code abc.execute-api...} or of {@code abc:3000}. */
    private static String domainPrefix(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.' || c == ':') {
                return host.substring(0, i);
            }
        }
        return host;
    }

    /** API Gateway adds the X-Forwarded-* headers a load balancer would. */
    private static Map<String, List<String>> forwardedHeaders(GatewayRequest request) {
        boolean hasFor = request.hasHeader("X-Forwarded-For");
        boolean hasProto = request.hasHeader("X-Forwarded-Proto");
        if (hasFor && hasProto) {
            return request.headers();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (!hasFor) {
            headers.put("X-Forwarded-For", List.of(request.sourceIp()));
        }
        if (!hasProto) {
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

    private static void writePathParameters(JsonGenerator event, Map<String, String> parameters) throws IOException {
        if (parameters.isEmpty()) {
            event.writeNullField("pathParameters");
            return;
        }
        event.writeObjectFieldStart("pathParameters");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            event.writeStringField(parameter.getKey(), parameter.getValue());
        }
        event.writeEndObject();
    }

    /** The last value of each name, as API Gateway fills the single-value maps; null when there are none. */
    private static void writeSingleValues(JsonGenerator event, String field, Map<String, List<String>> values)
            throws IOException {
        if (values.isEmpty()) {
            event.writeNullField(field);
            return;
        }
        event.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            List<String> list = entry.getValue();
            event.writeStringField(entry.getKey(), list.get(list.size() - 1));
        }
        event.writeEndObject();
    }

    private static void writeMultiValues(JsonGenerator event, String field, Map<String, List<String>> values)
            throws IOException {
        if (values.isEmpty()) {
            event.writeNullField(field);
            return;
        }
        event.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            event.writeArrayFieldStart(entry.getKey());
            for (String value : entry.getValue()) {
                event.writeString(value);
            }
            event.writeEndArray();
        }
        event.writeEndObject();
    }
}
