package com.flightwatch.platform.gateway;

import com.flightwatch.platform.QueryString;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Translates between Vert.x's HTTP types and the gateway's request and response records. */
final class HttpExchange {

    /** Connection-level headers that API Gateway's front end consumes and never forwards. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "upgrade", "http2-settings",
            "transfer-encoding", "te", "trailer", "proxy-connection");
    /** Headers the gateway computes itself rather than take from a function. */
    private static final Set<String> COMPUTED = Set.of("content-length", "transfer-encoding", "connection");

    private HttpExchange() {
    }

    /**
     * Reads the whole body, raw (forms and multipart included, as API Gateway passes them on), or
     * calls {@code tooLarge} as soon as it is over the limit.
     */
    static void readBody(HttpServerRequest http, long limit, Consumer<byte[]> complete, Runnable tooLarge) {
        String declared = http.getHeader("Content-Length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && !declared.isEmpty()
                && Long.parseLong(declared) > limit) {
            tooLarge.run();
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = new boolean[1];
        http.handler(chunk -> {
            if (!over[0] && body.length() + chunk.length() > limit) {
                over[0] = true;
                tooLarge.run();
            } else if (!over[0]) {
                body.appendBuffer(chunk);
            }
        });
        http.endHandler(ignored -> {
            if (!over[0]) {
                complete.accept(body.getBytes());
            }
        });
    }

    static GatewayRequest request(HttpServerRequest http, byte[] body, String requestId) {
        return new GatewayRequest(requestId, http.method().name(), decodePath(http.path()), headers(http),
                QueryString.parse(http.query()), body,
                http.remoteAddress() == null ? "127.0.0.1" : http.remoteAddress().hostAddress(),
                protocol(http), System.currentTimeMillis());
    }

    static void write(HttpServerResponse http, GatewayResponse response, String requestId) {
        if (http.ended() || http.closed()) {
            return;
        }
        http.setStatusCode(response.status());
        boolean hasContentType = false;
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (COMPUTED.contains(name)) {
                continue;
            }
            hasContentType |= name.equals("content-type");
            http.headers().add(header.getKey(), header.getValue());
        }
        if (!hasContentType) {
            http.putHeader("Content-Type", "application/json");
        }
        http.putHeader("x-amzn-RequestId", requestId);
        http.end(Buffer.buffer(response.body()));
    }

    /** Names keep the client's case; repeats of a name in another case join the first. */
    private static Map<String, List<String>> headers(HttpServerRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> nameByLowerCase = new HashMap<>();
        http.headers().forEach(header -> {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower)) {
                return;
            }
            String name = nameByLowerCase.computeIfAbsent(lower, key -> header.getKey());
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(header.getValue());
        });
        return headers;
    }

    /** Percent-decoding only: in a path, '+' is a plus sign. A malformed escape leaves it as sent, as {@link QueryString} does. */
    static String decodePath(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return rawPath;
        }
    }

    private static String protocol(HttpServerRequest http) {
        return switch (http.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2 -> "HTTP/2.0";
            default -> "HTTP/1.1";
        };
    }
}
