package com.flightwatch.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.e2e.fuzz.Mutations.Mutated;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bad input at scale against the running gateway with Flightwatch deployed: requests generated from
 * openapi/flight-api.yaml — valid ones, and ones with one thing wrong ({@link Mutations}) — to all
 * five operations. Every answer is a 2xx that is correct or a 4xx that names the field; never a
 * 5xx, never a hang; a refused request writes no row, and every stored row is valid
 * ({@link StoredRows}). Tries per property: {@code -Dfuzz.tries} (200 by default).
 */
class GatewayFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFuzzIT.class);
    /** The prefix of generated Idempotency-Keys that are valid and new. */
    private static final String FRESH_KEY = "fuzz-";

    private static FuzzPlatform platform;
    private static OpenApiSchemas contract;
    private static final ApiAnswers answers = new ApiAnswers();
    /** Flights for notifications: one passenger each, never more, so a fan-out stays small. */
    private static final List<ObjectNode> notifiedFlights = new ArrayList<>();
    /** Flight ids that passengers are added to. */
    private static final List<String> growingFlights = new ArrayList<>();

    @BeforeContainer
    static void startPlatform() {
        platform = FuzzPlatform.start("fuzz-gateway");
        contract = OpenApiSchemas.load();
        for (int i = 0; i < 3; i++) {
            notifiedFlights.add(FlightSeeds.register(platform, 1));
            growingFlights.add(FlightSeeds.register(platform, 0).path("flightId").asText());
        }
        FlightSeeds.warmUpAlertsFunction(platform, notifiedFlights.get(0));
    }

    @AfterContainer
    static void stopPlatform() {
        if (platform != null) {
            LOG.info("Gateway fuzzing: answers by status {}", answers.figures());
            platform.close();
        }
    }

    @AfterProperty
    void storedRowsAreValid() {
        new StoredRows(platform, contract).assertAllValid();
    }

    @Property
    void createFlight_generatedBody_answersCreatedOrNamesTheField(@ForAll("flightBodies") Mutated request) {
        RawHttp.Answer response = postCounted("/flights", request, null, null);
        if (response.status() == 201) {
            ApiAnswers.assertFlightEchoes(request.tree(), ApiAnswers.json(response.body()), contract.component("Id").getPattern());
        }
    }

    @Property
    void addPassengers_generatedBody_answersCreatedOrNamesTheField(@ForAll("passengerBodies") Mutated request,
                                                                  @ForAll("flightIds") String flightId) {
        RawHttp.Answer response = postCounted("/flights/" + flightId + "/passengers", request, null,
                growingFlights.contains(flightId) ? null : "flightId");
        if (response.status() == 201) {
            JsonNode flight = ApiAnswers.json(response.body());
            assertThat(flight.path("flightId").asText()).isEqualTo(flightId);
            assertThat(flight.path("passengerCount").asInt()).isEqualTo(flight.path("passengers").size());
        }
    }

    @Property
    void createNotification_generatedBody_answersAcceptedOrNamesTheField(@ForAll("notificationBodies") Mutated request,
                                                                        @ForAll("idempotencyKeys") String idempotencyKey) {
        RawHttp.Answer response = postCounted("/notifications", request, idempotencyKey,
                idempotencyKey == null || idempotencyKey.startsWith(FRESH_KEY) ? null : "Idempotency-Key");
        if (response.status() == 202) {
            JsonNode accepted = ApiAnswers.json(response.body());
            assertThat(accepted.path("notificationId").asText()).matches(contract.component("Id").getPattern());
            if (!response.hasHeader("Idempotent-Replayed")) {
                assertThat(accepted.path("flightNumber").asText()).isEqualTo(request.tree().path("flightNumber").asText());
                assertThat(accepted.path("alertsIssued").asInt()).isEqualTo(1);
            }
        }
    }

    @Property
    void listAlerts_generatedQuery_answersAPageOrNamesTheParameter(@ForAll("alertQueries") GeneratedQuery query) {
        RawHttp.Answer answer = RawHttp.send(platform.gatewayUrl(), "GET",
                ("/alerts" + query.queryString()).getBytes(StandardCharsets.UTF_8), platform.apiKey(), new byte[0]);
        JsonNode json = answers.check(query, answer.status(), answer.body(), query.blamable(), false);
        if (answer.status() == 200) {
            assertThat(json.path("alerts").isArray()).as(answer.body()).isTrue();
            assertThat(json.has("nextCursor")).as(answer.body()).isTrue();
        }
    }

    @Property
    void getFlight_generatedId_answersTheFlightOrRefuses(@ForAll("flightIds") String flightId) {
        RawHttp.Answer answer = RawHttp.send(platform.gatewayUrl(), "GET",
                ("/flights/" + flightId).getBytes(StandardCharsets.UTF_8), platform.apiKey(), new byte[0]);
        JsonNode json = answers.check("GET /flights/" + flightId, answer.status(), answer.body(), List.of(), false);
        if (answer.status() == 200) {
            assertThat(json.path("flightId").asText()).isEqualTo(flightId);
        }
    }

    @Provide
    Arbitrary<Mutated> flightBodies() {
        return bodies("/flights", random -> {
            ObjectNode body = (ObjectNode) SchemaValues.generate(contract.requestBody("/flights", "post"), random);
            if (body.path("origin").equals(body.path("destination"))) {
                body.put("destination", body.path("origin").asText().equals("JFK") ? "SFO" : "JFK");
            }
            return body.put("flightNumber", FlightSeeds.uniqueFlightNumber());
        });
    }

    @Provide
    Arbitrary<Mutated> passengerBodies() {
        return bodies("/flights/{flightId}/passengers",
                random -> (ObjectNode) SchemaValues.generate(contract.requestBody("/flights/{flightId}/passengers", "post"), random));
    }

    @Provide
    Arbitrary<Mutated> notificationBodies() {
        return bodies("/notifications", random -> {
            ObjectNode body = (ObjectNode) SchemaValues.generate(contract.requestBody("/notifications", "post"), random);
            if (random.nextInt(4) != 0) {
                ObjectNode flight = notifiedFlights.get(random.nextInt(notifiedFlights.size()));
                body.put("flightNumber", flight.path("flightNumber").asText());
                body.put("departureDate", flight.path("departureDate").asText());
            }
            // The rule the schema cannot say: a delay has its new time, a cancellation none.
            if (body.path("type").asText().equals("DELAYED") && !body.has("newDeparture")) {
                body.put("newDeparture", Dates.validDateTime(random));
            } else if (body.path("type").asText().equals("CANCELLED")) {
                body.remove("newDeparture");
            }
            return body;
        });
    }

    @Provide
    Arbitrary<String> flightIds() {
        Arbitrary<String> known = Arbitraries.of(growingFlights);
        Arbitrary<String> generated = Arbitraries.randomValue(random -> SchemaValues.generate(contract.component("Id"), random).asText());
        Arbitrary<String> hostile = Arbitraries.randomValue(GeneratedQuery::pathSegment);
        return Arbitraries.frequencyOf(Tuple.of(5, known), Tuple.of(2, generated),
                Tuple.of(3, hostile));
    }

    @Provide
    Arbitrary<String> idempotencyKeys() {
        return Arbitraries.randomValue(random -> switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> HostileValues.string(random);
            default -> FRESH_KEY + random.nextLong();
        }).injectNull(0.0);
    }

    @Provide
    Arbitrary<GeneratedQuery> alertQueries() {
        return Arbitraries.randomValue(random -> GeneratedQuery.alerts(contract, notifiedFlights, random));
    }

    /** Three in ten valid as generated, seven with one thing wrong. */
    private static Arbitrary<Mutated> bodies(String path, Function<Random, ObjectNode> valid) {
        return Arbitraries.randomValue(random -> {
            ObjectNode tree = valid.apply(random);
            if (random.nextInt(10) < 3) {
                return new Mutated("valid", Mutations.write(tree, random), tree, null, false);
            }
            @SuppressWarnings("rawtypes")
            Schema schema = contract.requestBody(path, "post");
            return Mutations.mutate(tree, schema, random);
        });
    }

    /**
     * Sends the body; a refusal must leave every table as it was.
     *
     * @param alsoBlamable a field besides the body's mutated one that was generated possibly wrong (a path
     *                     parameter, a header), which a refusal may name instead
     */
    private static RawHttp.Answer postCounted(String path, Mutated request, String idempotencyKey,
                                                    String alsoBlamable) {
        FuzzPlatform.RowCounts before = platform.rowCounts();
        String header = idempotencyKey == null || !isFieldValue(idempotencyKey) ? null : "Idempotency-Key: " + idempotencyKey;
        RawHttp.Answer response = RawHttp.send(platform.gatewayUrl(), "POST", path.getBytes(StandardCharsets.UTF_8),
                platform.apiKey(), header, request.body());
        List<String> blamable = new ArrayList<>();
        if (request.field() != null) {
            blamable.add(request.field());
            if (alsoBlamable != null) {
                blamable.add(alsoBlamable);
            }
        }
        String sent = "POST " + path + (header == null ? " " : " (" + header + ") ") + request;
        answers.check(sent, response.status(), response.body(), blamable, request.mustRefuse());
        if (response.status() >= 400) {
            assertThat(platform.rowCounts()).as("rows after a %d to %s", response.status(), request).isEqualTo(before);
        }
        return response;
    }

    /**
     * A header value HTTP allows (RFC 9110 field-value: no control characters but tab; UTF-8 travels
     * as obs-text). Anything else is a broken request that the HTTP layer refuses before the API, as
     * API Gateway's front end does.
     */
    private static boolean isFieldValue(String value) {
        return value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }
}
