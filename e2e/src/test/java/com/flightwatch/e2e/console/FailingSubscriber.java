package com.flightwatch.e2e.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An http subscriber that always fails: it keeps the SubscribeURL of its confirmation (so the test
 * can confirm it, as a real endpoint would) and answers every notification 500, so each message it
 * gets becomes a dead letter after the platform's retries.
 */
public final class FailingSubscriber implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BlockingQueue<String> subscribeUrls = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public FailingSubscriber() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/always-fails";
    }

    /** Visits the SubscribeURL of the confirmation the platform sent: a GET of the control plane's {@code /?Action=ConfirmSubscription}. */
    public void confirm(Duration timeout) throws InterruptedException, IOException {
        String subscribeUrl = subscribeUrls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (subscribeUrl == null) {
            throw new AssertionError("No SubscriptionConfirmation reached " + url() + " within " + timeout);
        }
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(subscribeUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (confirmed.statusCode() != 200 || !confirmed.body().contains("ConfirmSubscriptionResponse")) {
            throw new AssertionError("Confirming failed: " + confirmed.statusCode() + " " + confirmed.body());
        }
    }

    /** The message id of the next notification (each one is answered 500), or null after {@code timeout}. */
    public String nextNotification(Duration timeout) throws InterruptedException {
        return notifications.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forgets the notifications received so far. */
    public void clearNotifications() {
        notifications.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String type = exchange.getRequestHeaders().getFirst("x-amz-sns-message-type");
        int status = 500;
        if ("SubscriptionConfirmation".equals(type)) {
            subscribeUrls.add(body.path("SubscribeURL").asText());
            status = 200;
        } else {
            notifications.add(body.path("MessageId").asText());
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
