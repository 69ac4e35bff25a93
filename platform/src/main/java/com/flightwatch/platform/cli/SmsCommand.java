package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flightwatch sms}: what the local SMS carrier received, newest last. */
@Command(name = "sms", mixinStandardHelpOptions = true, description = "List the SMS outbox of a running platform.")
final class SmsCommand implements Callable<Integer> {

    @Option(names = "--control-url", defaultValue = "http://127.0.0.1:3001",
            description = "The running platform's control plane. Default: ${DEFAULT-VALUE}")
    String controlUrl;

    @Option(names = "--phone", description = "Only messages to this E.164 number.")
    String phone;

    @Override
    public Integer call() throws Exception {
        String query = phone == null ? "" : "?phoneNumber=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(controlUrl + "/_platform/sms" + query)).GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            System.err.println("No platform answers at " + controlUrl + ": start it with `flightwatch up`.");
            return 1;
        }
        if (response.statusCode() != 200) {
            System.err.println("The platform answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        JsonNode messages = new ObjectMapper().readTree(response.body());
        for (JsonNode sms : messages) {
            System.out.printf("%s  %-16s  %s%n", sms.path("timestamp").asText(), sms.path("phoneNumber").asText(),
                    sms.path("message").asText());
        }
        System.out.println(messages.size() + " message(s)");
        return 0;
    }
}
