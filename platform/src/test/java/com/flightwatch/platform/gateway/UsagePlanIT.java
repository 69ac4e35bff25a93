package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Usage plans over real sockets: throttles (per key, per method, per stage), quotas and keys outside every plan. */
class UsagePlanIT {

    private static final String OK = "{\"statusCode\": 200, \"body\": \"ok\"}";
    /** Slow enough that a test's requests never earn a token back. */
    private static final double ONE_PER_MINUTE = 1.0 / 60;

    @Test
    void get_burstOverThePlansThrottle_servesTheBurstLimitThen429TooManyRequests() {
        UsagePlanSpec plan = plan(new ThrottleSpec(ONE_PER_MINUTE, 5), Map.of(), null, "LibraryKey");
        try (GatewayHarness gateway = harness(List.of(plan), Map.of(), null)) {
            List<HttpResponse<String>> responses = send(gateway, "/books/42", GatewayHarness.KEY, 8);

            assertThat(statuses(responses)).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
            HttpResponse<String> throttled = responses.get(5);
            assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
            assertThat(throttled.headers().firstValue("x-amzn-RequestId")).isPresent();
        }
    }

    @Test
    void get_throttleIsPerKey_anotherKeyOfThePlanIsStillServed() {
        UsagePlanSpec plan = plan(new ThrottleSpec(ONE_PER_MINUTE, 2), Map.of(), null, "LibraryKey", "PartnerKey");
        try (GatewayHarness gateway = harness(List.of(plan), Map.of(), null)) {
            send(gateway, "/books/42", GatewayHarness.KEY, 3);

            assertThat(statuses(send(gateway, "/books/42", GatewayHarness.PARTNER_KEY, 3))).containsExactly(200, 200, 429);
        }
    }

    @Test
    void get_methodThrottleOfThePlan_limitsThatMethodOnly() {
        UsagePlanSpec plan = plan(new ThrottleSpec(ONE_PER_MINUTE, 10),
                Map.of("/books/{bookId}/GET", new ThrottleSpec(ONE_PER_MINUTE, 1)), null, "LibraryKey");
        try (GatewayHarness gateway = harness(List.of(plan), Map.of(), null)) {
            assertThat(statuses(send(gateway, "/books/42", GatewayHarness.KEY, 2))).containsExactly(200, 429);
            assertThat(statuses(send(gateway, "/books/featured", GatewayHarness.KEY, 2))).containsExactly(200, 200);
        }
    }

    @Test
    void get_stageThrottle_isSharedByAllClientsIncludingThoseWithoutAKey() {
        Map<String, ThrottleSpec> stage = Map.of("/*/*", new ThrottleSpec(ONE_PER_MINUTE, 3));
        try (GatewayHarness gateway = harness(List.of(), stage, null)) {
            List<Integer> statuses = new ArrayList<>(statuses(send(gateway, "/books/42", GatewayHarness.KEY, 2)));
            statuses.addAll(statuses(send(gateway, "/ping", null, 2)));

            assertThat(statuses).containsExactly(200, 200, 200, 429);
        }
    }

    @Test
    void get_quotaUsedUp_answers429LimitExceeded() {
        UsagePlanSpec plan = plan(null, Map.of(), new QuotaSpec(3, QuotaSpec.Period.DAY, 0), "LibraryKey");
        try (GatewayHarness gateway = harness(List.of(plan), Map.of(), null)) {
            List<HttpResponse<String>> responses = send(gateway, "/books/42", GatewayHarness.KEY, 4);

            assertThat(statuses(responses)).containsExactly(200, 200, 200, 429);
            assertThat(responses.get(3).body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
            assertThat(responses.get(3).headers().firstValue("x-amzn-ErrorType")).hasValue("LimitExceededException");
        }
    }

    @Test
    void get_quotaSharedCounter_survivesAGatewayRestart() {
        UsagePlanSpec plan = plan(null, Map.of(), new QuotaSpec(3, QuotaSpec.Period.DAY, 0), "LibraryKey");
        QuotaStore store = QuotaStore.inMemory();
        try (QuotaCounter quotas = new QuotaCounter(store, Clock.systemUTC(), Duration.ofMinutes(1));
             GatewayHarness gateway = harness(List.of(plan), Map.of(), quotas)) {
            send(gateway, "/books/42", GatewayHarness.KEY, 2);
        }
        try (QuotaCounter quotas = new QuotaCounter(store, Clock.systemUTC(), Duration.ofMinutes(1));
             GatewayHarness gateway = harness(List.of(plan), Map.of(), quotas)) {
            assertThat(statuses(send(gateway, "/books/42", GatewayHarness.KEY, 2))).containsExactly(200, 429);
        }
    }

    @Test
    void get_throttledRequest_doesNotCountAgainstTheQuota() {
        UsagePlanSpec plan = plan(new ThrottleSpec(ONE_PER_MINUTE, 1), Map.of(), new QuotaSpec(1, QuotaSpec.Period.DAY, 0),
                "LibraryKey");
        try (GatewayHarness gateway = harness(List.of(plan), Map.of(), null)) {
            List<HttpResponse<String>> responses = send(gateway, "/books/42", GatewayHarness.KEY, 2);

            assertThat(responses.get(1).body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        }
    }

    @Test
    void get_keyInNoPlanOfTheStage_answers403Forbidden() {
        UsagePlanSpec plan = plan(new ThrottleSpec(10, 10), Map.of(), null, "LibraryKey");
        // The fixture document overrides INVALID_API_KEY (401, its own body): drop that to see API Gateway's default.
        try (GatewayHarness gateway = harness(document -> document.remove("x-amazon-apigateway-gateway-responses"),
                List.of(plan), null)) {
            HttpResponse<String> response = send(gateway, "/books/42", GatewayHarness.UNPLANNED_KEY, 1).get(0);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
            assertThat(send(gateway, "/books/42", GatewayHarness.KEY, 1).get(0).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void get_keyMadeByTheCliInAPlan_isServedUnderThatPlansLimits() {
        UsagePlanSpec plan = plan(new ThrottleSpec(ONE_PER_MINUTE, 2), Map.of(), null, "LibraryKey");
        try (GatewayHarness gateway = harness(List.of(plan), Map.of(), null)) {
            assertThat(statuses(send(gateway, "/books/42", GatewayHarness.CLI_KEY, 3))).containsExactly(200, 200, 429);
        }
        try (GatewayHarness withoutThatPlan = harness(List.of(), Map.of(), null)) {
            assertThat(statuses(send(withoutThatPlan, "/books/42", GatewayHarness.CLI_KEY, 1))).containsExactly(401);
        }
    }

    @Test
    void get_throttledWithAThrottledOverride_answersTheDocumentsResponse() {
        UsagePlanSpec plan = plan(new ThrottleSpec(ONE_PER_MINUTE, 1), Map.of(), null, "LibraryKey");
        try (GatewayHarness gateway = harness(document -> document.putObject("x-amazon-apigateway-gateway-responses")
                .putObject("THROTTLED").putObject("responseTemplates")
                .put("application/json", "{\"error\": \"slow down\", \"type\": \"$context.error.responseType\"}"),
                List.of(plan), null)) {
            HttpResponse<String> response = send(gateway, "/books/42", GatewayHarness.KEY, 2).get(1);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.body()).isEqualTo("{\"error\": \"slow down\", \"type\": \"THROTTLED\"}");
        }
    }

    @Test
    void get_burstOverTheAccountThrottle_429TooManyRequestsForEveryKey() {
        GatewaySettings settings = new GatewaySettings("127.0.0.1", 0).withAccountThrottle(new ThrottleSpec(ONE_PER_MINUTE, 3));
        try (GatewayHarness gateway = new GatewayHarness(document -> { }, settings, List.of(), Map.of(), null)) {
            answerEverything(gateway);

            List<HttpResponse<String>> responses = send(gateway, "/books/42", GatewayHarness.KEY, 4);

            assertThat(statuses(responses)).containsExactly(200, 200, 200, 429);
            assertThat(responses.get(3).body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(statuses(send(gateway, "/books/42", GatewayHarness.PARTNER_KEY, 1))).containsExactly(429);
        }
    }

    private static UsagePlanSpec plan(ThrottleSpec throttle, Map<String, ThrottleSpec> methods, QuotaSpec quota,
                                      String... keys) {
        return new UsagePlanSpec("Plan", "plan", throttle, methods, quota, List.of(keys));
    }

    private static GatewayHarness harness(List<UsagePlanSpec> plans, Map<String, ThrottleSpec> stage, QuotaCounter quotas) {
        GatewayHarness harness = new GatewayHarness(document -> { }, new GatewaySettings("127.0.0.1", 0), plans, stage, quotas);
        answerEverything(harness);
        return harness;
    }

    private static GatewayHarness harness(Consumer<ObjectNode> edit,
                                          List<UsagePlanSpec> plans, QuotaCounter quotas) {
        GatewayHarness harness = new GatewayHarness(edit, new GatewaySettings("127.0.0.1", 0), plans, Map.of(), quotas);
        answerEverything(harness);
        return harness;
    }

    private static void answerEverything(GatewayHarness harness) {
        harness.invoker.answering("books", OK).answering("featured", OK).answering("ping", OK);
    }

    private static List<HttpResponse<String>> send(GatewayHarness gateway, String path, String key, int count) {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var request = gateway.request(path);
            if (key != null) {
                request.header("x-api-key", key);
            }
            responses.add(gateway.send(request));
        }
        return responses;
    }

    private static List<Integer> statuses(List<HttpResponse<String>> responses) {
        return responses.stream().map(HttpResponse::statusCode).toList();
    }
}
