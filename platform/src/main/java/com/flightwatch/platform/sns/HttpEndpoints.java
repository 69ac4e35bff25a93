package com.flightwatch.platform.sns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * POSTs to http/https subscribers as SNS does ({@code text/plain; charset=UTF-8}, SNS's user
 * agent, the {@code x-amz-sns-*} headers given). A 2xx answer is success; any other status, a
 * timeout or a refused connection is a failure, reported as text rather than thrown.
 */
final class HttpEndpoints {

    static final String USER_AGENT = "Amazon Simple Notification Service Agent";

    private final HttpClient client;
    private final HttpDeliverySettings settings;

    HttpEndpoints(HttpDeliverySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.trustAnyCertificate()) {
            builder.sslContext(trustingEverything());
        }
        this.client = builder.build();
    }

    /** @return null on a 2xx answer, else what went wrong */
    String post(String url, Map<String, String> headers, String body) {
        try {
            HttpResponse<Void> response = client.send(request(url, headers, body), HttpResponse.BodyHandlers.discarding());
            return describe(response.statusCode());
        } catch (HttpTimeoutException e) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        } catch (IOException e) {
            return "could not reach the endpoint: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The same, without holding a thread: for the one-off confirmation message. */
    CompletableFuture<String> postAsync(String url, Map<String, String> headers, String body) {
        return client.sendAsync(request(url, headers, body), HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> describe(response.statusCode()))
                .exceptionally(failure -> "could not reach the endpoint: " + failure.getMessage());
    }

    private HttpRequest request(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.timeout())
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request.build();
    }

    private static String describe(int status) {
        return status >= 200 && status < 300 ? null : "the endpoint answered HTTP " + status;
    }

    /** For local endpoints with self-signed certificates only: no chain and no host name is checked. */
    private static SSLContext trustingEverything() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers TLS", e);
        }
    }
}
