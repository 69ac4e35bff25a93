package com.flightwatch.common.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two SNS Query API actions Flightwatch calls (Publish, PublishBatch), on a loopback port, so
 * the real SDK client is tested over a real socket. Every request is kept as its form parameters.
 */
public final class FakeSnsServer implements AutoCloseable {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final HttpServer server;
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());

    private FakeSnsServer(HttpServer server) {
        this.server = server;
    }

    public static FakeSnsServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeSnsServer sns = new FakeSnsServer(server);
        server.createContext("/", sns::answer);
        server.start();
        return sns;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far, as its decoded form parameters (Action, TopicArn, PhoneNumber, ...). */
    public List<Map<String, String>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Map<String, String>> requests(String action) {
        return requests().stream().filter(r -> action.equals(r.get("Action"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(form);
        String action = form.getOrDefault("Action", "");
        String xml = switch (action) {
            case "Publish" -> "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>"
                    + UUID.randomUUID() + "</MessageId></PublishResult>" + metadata() + "</PublishResponse>";
            case "PublishBatch" -> publishBatch(form);
            default -> null;
        };
        byte[] body = (xml == null
                ? "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>" + action
                        + "</Message></Error>" + metadata() + "</ErrorResponse>"
                : xml).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(xml == null ? 400 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String publishBatch(Map<String, String> form) {
        StringBuilder successful = new StringBuilder();
        for (int i = 1; form.containsKey("PublishBatchRequestEntries.member." + i + ".Id"); i++) {
            successful.append("<member><Id>").append(form.get("PublishBatchRequestEntries.member." + i + ".Id"))
                    .append("</Id><MessageId>").append(UUID.randomUUID()).append("</MessageId></member>");
        }
        return "<PublishBatchResponse xmlns=\"" + NAMESPACE + "\"><PublishBatchResult><Successful>" + successful
                + "</Successful><Failed/></PublishBatchResult>" + metadata() + "</PublishBatchResponse>";
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }
}
