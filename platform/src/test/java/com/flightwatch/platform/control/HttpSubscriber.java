package com.flightwatch.platform.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP endpoint for SNS subscriptions (the JDK's HttpServer on loopback): it records every
 * POST per path and answers each path with the statuses it was told to, then 200.
 */
final class HttpSubscriber implements AutoCloseable {

    /** One request as the endpoint received it; header names are lower case. */
    record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();

    HttpSubscriber() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in order; then 200 again. */
    void answer(String path, Integer... codes) {
        statuses.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(java.util.List.of(codes));
    }

    /** The next request to {@code path}, or an AssertionError after {@code timeout}. */
    Received next(String path, Duration timeout) throws InterruptedException {
        Received request = queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("No request to " + path + " within " + timeout);
        }
        return request;
    }

    /** The next request to {@code path} if one arrives within {@code timeout}, else null. */
    Received poll(String path, Duration timeout) throws InterruptedException {
        return queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private BlockingQueue<Received> queue(String path) {
        return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                String.join(",", values)));
        queue(path).add(new Received(exchange.getRequestMethod(), path, headers, body));
        Deque<Integer> planned = statuses.get(path);
        Integer status = planned == null ? null : planned.poll();
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
