package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.security.CredentialSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --control-url} option and the one way the CLI talks to a running platform: a command
 * mixes it in ({@code @Mixin}) and sends its requests through {@link #send}, which tells the user,
 * in one line, when no platform answers or the answer is not the expected one. With
 * {@code FLIGHTWATCH_ACCESS_KEY_ID} and {@code FLIGHTWATCH_SECRET_ACCESS_KEY} set, it signs in with
 * them (HTTP Basic), as a platform listening off loopback requires.
 */
final class ControlPlaneClient {

    static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--control-url", defaultValue = "http://127.0.0.1:3001",
            description = "The running platform's control plane. Default: ${DEFAULT-VALUE}")
    String controlUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    URI uri(String pathAndQuery) {
        return URI.create(controlUrl + pathAndQuery);
    }

    /** @return the answer when it has {@code expectedStatus}; empty after printing to {@code err} why not */
    Optional<HttpResponse<String>> send(HttpRequest.Builder request, int expectedStatus, PrintWriter err)
            throws IOException, InterruptedException {
        HttpResponse<String> response;
        String keyId = System.getenv(CredentialSources.ACCESS_KEY_ID_ENV);
        String secret = System.getenv(CredentialSources.SECRET_ACCESS_KEY_ENV);
        if (keyId != null && secret != null) {
            request.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("No platform answers at " + controlUrl + ": start it with `flightwatch up`.");
            err.flush();
            return Optional.empty();
        }
        if (response.statusCode() != expectedStatus) {
            err.println("The platform answered " + response.statusCode() + ": " + messageOf(response.body()));
            err.flush();
            return Optional.empty();
        }
        return Optional.of(response);
    }

    /** {@link #send} for a JSON answer. */
    Optional<JsonNode> sendForJson(HttpRequest.Builder request, int expectedStatus, PrintWriter err)
            throws IOException, InterruptedException {
        Optional<HttpResponse<String>> response = send(request, expectedStatus, err);
        return response.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(response.get().body()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The {@code message} of an error document, or the body as it came: the best explanation there is. */
    private static String messageOf(String body) {
        try {
            return JSON.readTree(body).path("message").asText(body);
        } catch (IOException notJson) {
            return body;
        }
    }
}
