package com.flightwatch.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Lambda {@code Invoke} calls with at most one thing wrong, each with the answer AWS Lambda gives
 * for it: a function name outside Lambda's pattern (400 {@code ValidationException}), one that
 * does not exist (404 {@code ResourceNotFoundException}), an invocation type outside the enum
 * (400 {@code ValidationException}), a payload that is not JSON (400
 * {@code InvalidRequestContentException}), or one over 6 MB, or 256 KB for {@code Event} (413
 * {@code RequestEntityTooLargeException}).
 *
 * @param path         the request target, already encoded
 * @param expectedType the {@code x-amzn-ErrorType} Lambda answers; null when the call is valid
 */
record LambdaCalls(String description, String path, String invocationType, byte[] payload, int expectedStatus,
                   String expectedType) {

    static final int SYNC_LIMIT = 6 * 1024 * 1024;
    static final int EVENT_LIMIT = 256 * 1024;
    /** Outside Lambda's FunctionName pattern, or over its 170 characters. */
    private static final List<String> BAD_NAMES = List.of("has space", "slash%2Fin", "dollar$", "é", "😀", "a".repeat(171),
            "arn:aws:lambda:us-east-1:123456789012:function:" + "a".repeat(141), "name:", "name:bad qualifier",
            "'; DROP TABLE platform_functions; --", "{{name}}", "${jndi:x}", "%00", "a%0Ab", "arn:aws:s3:::bucket",
            "arn:aws:lambda:us-east-1:12345:function:x", "function:", ":::", "name:1:2");
    private static final List<String> TYPES = List.of("RequestResponse", "Event", "DryRun");

    @Override
    public String toString() {
        return description + " -> POST " + path + " (" + invocationType + ", " + payload.length + " bytes)";
    }

    static LambdaCalls generate(String functionName, Random random) {
        String name = knownName(functionName, random);
        String type = random.nextInt(4) == 0 ? null : TYPES.get(random.nextInt(TYPES.size()));
        byte[] payload = validPayload(random);
        switch (random.nextInt(8)) {
            case 0 -> {
                String bad = BAD_NAMES.get(random.nextInt(BAD_NAMES.size()));
                return call("function name " + bad, encode(bad), type, payload, 400, "ValidationException");
            }
            case 1 -> {
                return call("unknown function", "fuzz-missing-" + random.nextInt(1000), type, payload, 404,
                        "ResourceNotFoundException");
            }
            case 2 -> {
                // Not " Event": HTTP trims a header value, so Lambda would read Event.
                String bad = List.of("Bogus", "requestresponse", "event", "", "DryRun;", "Event\u00e9", "Event,Event")
                        .get(random.nextInt(7));
                return call("invocation type " + bad, name, bad, payload, 400, "ValidationException");
            }
            case 3 -> {
                return call("payload not JSON", name, nonDryRun(type, random), notJson(random), 400,
                        "InvalidRequestContentException");
            }
            case 4 -> {
                if (random.nextBoolean()) {
                    return call("Event payload over 256 KB", name, "Event", jsonString(EVENT_LIMIT + 1 + random.nextInt(1000)),
                            413, "RequestEntityTooLargeException");
                }
                return call("payload over 6 MB", name, random.nextBoolean() ? "RequestResponse" : null,
                        jsonString(SYNC_LIMIT + 1 + random.nextInt(1000)), 413, "RequestEntityTooLargeException");
            }
            default -> {
                int status = "Event".equals(type) ? 202 : "DryRun".equals(type) ? 204 : 200;
                return call("valid", name, type, payload, status, null);
            }
        }
    }

    /** A function that exists, named as the API allows: name, partial ARN, full ARN, with $LATEST or not. */
    private static String knownName(String functionName, Random random) {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
        return encode(switch (random.nextInt(5)) {
            case 0 -> arn;
            case 1 -> "123456789012:function:" + functionName;
            case 2 -> functionName + ":$LATEST";
            default -> functionName;
        });
    }

    /** DryRun does not read the payload: a payload fault needs a type that does. */
    private static String nonDryRun(String type, Random random) {
        return "DryRun".equals(type) ? (random.nextBoolean() ? "Event" : "RequestResponse") : type;
    }

    /** An API Gateway proxy event for a flight that does not exist: the function answers 404, a result like any other. */
    private static byte[] validPayload(Random random) {
        String json = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "{\"httpMethod\":\"GET\",\"resource\":\"/flights/{flightId}\",\"path\":\"/flights/x\","
                    + "\"pathParameters\":{\"flightId\":\"" + UUID.randomUUID() + "\"}}";
            case 2 -> "{\"unexpected\": [1, 2.5, true, null, {\"nested\": \"" + HostileValues.STRINGS.get(
                    random.nextInt(10)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}";
            default -> "{}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] notJson(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "not json".getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
            case 2 -> "{\"a\": ".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"a\": 1} {\"b\": 2}".getBytes(StandardCharsets.UTF_8);
            default -> "<xml/>".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] jsonString(int length) {
        byte[] payload = new byte[length];
        java.util.Arrays.fill(payload, (byte) 'x');
        payload[0] = '"';
        payload[length - 1] = '"';
        return payload;
    }

    private static LambdaCalls call(String description, String encodedName, String type, byte[] payload, int status,
                                    String errorType) {
        return new LambdaCalls(description, "/2015-03-31/functions/" + encodedName + "/invocations", type, payload, status,
                errorType);
    }

    private static String encode(String name) {
        // Already-escaped names (%2F, %00) go as they are: they test the decoder.
        return name.indexOf('%') >= 0 ? name : URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
