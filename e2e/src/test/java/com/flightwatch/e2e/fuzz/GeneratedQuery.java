package com.flightwatch.e2e.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A query string for {@code GET /alerts}, generated from the operation's parameters: a valid
 * selection (a flight, or a notification id), then at most one parameter made hostile — a value
 * from {@link HostileValues}, a raw malformed escape, or a parameter the API does not know.
 *
 * @param blamable the parameters of which a 400 must name one: the hostile one, and the one it goes
 *                 with (flightNumber and departureDate are given together); empty when none is to blame
 */
record GeneratedQuery(String queryString, List<String> blamable) {

    /** Percent-escapes that do not decode, and bytes a URL should not carry raw. */
    private static final List<String> RAW = List.of("%ZZ", "%", "%E9", "%C3%28", "%FF%FE", "%00", "%2", "a%", "%u0041",
            "%25ZZ", "+", "%2B", "%20", "%0A");

    @Override
    public String toString() {
        return "GET /alerts" + queryString;
    }

    static GeneratedQuery alerts(OpenApiSchemas contract, List<ObjectNode> flights, Random random) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        contract.parameters("/alerts", "get").forEach(parameter -> parameters.put(parameter.getName(), parameter));
        Map<String, String> query = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            query.put("notificationId", value(parameters.get("notificationId"), random));
        } else {
            ObjectNode flight = flights.get(random.nextInt(flights.size()));
            boolean known = random.nextBoolean();
            query.put("flightNumber", known ? flight.path("flightNumber").asText() : value(parameters.get("flightNumber"), random));
            query.put("departureDate", known ? flight.path("departureDate").asText() : value(parameters.get("departureDate"), random));
        }
        for (String optional : List.of("status", "limit", "cursor")) {
            if (random.nextInt(3) == 0) {
                query.put(optional, optional.equals("cursor") ? cursor(parameters.get("notificationId"), random)
                        : value(parameters.get(optional), random));
            }
        }
        String field = null;
        Map<String, String> encoded = new LinkedHashMap<>();
        query.forEach((name, value) -> encoded.put(name, encode(value)));
        int hostile = random.nextInt(4);
        if (hostile > 0) {
            List<String> names = List.copyOf(parameters.keySet());
            field = names.get(random.nextInt(names.size()));
            encoded.put(field, hostile == 1 ? RAW.get(random.nextInt(RAW.size())) : encode(HostileValues.string(random)));
        }
        if (random.nextInt(8) == 0) {
            encoded.put(random.nextBoolean() ? "unknown" : "flightNumber[]", encode(HostileValues.string(random)));
        }
        StringBuilder text = new StringBuilder();
        encoded.forEach((name, value) -> text.append(text.length() == 0 ? "?" : "&").append(name).append('=').append(value));
        List<String> blamable = field == null ? List.of()
                : field.equals("flightNumber") || field.equals("departureDate") ? List.of("flightNumber", "departureDate")
                : List.of(field);
        return new GeneratedQuery(text.toString(), blamable);
    }

    /** A path segment where an id belongs: an encoded hostile string, a malformed escape, or something a router trips on. */
    static String pathSegment(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> RAW.get(random.nextInt(RAW.size()));
            case 1 -> List.of("..", ".", "a/b", "%2F", "%2e%2e", "x?y=1", "x#y", ";", "x;y", "00000000-0000-0000-0000-00000000000G",
                    "00000000-0000-0000-0000-000000000000", "0".repeat(10_000)).get(random.nextInt(12));
            default -> encode(HostileValues.string(random)).replace("+", "%20");
        };
    }

    private static String value(Parameter parameter, Random random) {
        return SchemaValues.generate(parameter.getSchema(), random).asText();
    }

    /** Opaque to clients, so the contract gives only its shape; what the API hands out is an alert id in base64url. */
    private static String cursor(Parameter id, Random random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                value(id, random).getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
