package com.flightwatch.alerts;

import static com.flightwatch.alerts.AlertsHandlerFixture.fields;
import static com.flightwatch.alerts.AlertsHandlerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.testing.EventFixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /alerts through AlertsHandler. */
class AlertsRouteTest {

    private final AlertsHandlerFixture fixture = new AlertsHandlerFixture();

    @Test
    void getAlerts_byFlight_pagesThroughEveryAlertUntilTheCursorIsNull() throws Exception {
        fixture.registerFlight("UA123", 7);
        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;

        do {
            Map<String, String> query = new HashMap<>(Map.of("flightNumber", "UA123", "departureDate", "2026-12-24",
                    "limit", "3"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = json(fixture.handle(EventFixtures.apiGateway("get-alerts.json").withQueryStringParameters(query)));
            pageSizes.add(page.path("alerts").size());
            seen.addAll(page.path("alerts").findValuesAsText("alertId"));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(fixture.alerts.all().stream().map(Alert::alertId).toList());
    }

    @Test
    void getAlerts_exactlyOnePageFull_hasNoNextCursor() throws Exception {
        fixture.registerFlight("UA123", 3);
        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        JsonNode page = json(fixture.handle(EventFixtures.apiGateway("get-alerts.json")));

        assertThat(page.path("alerts").size()).isEqualTo(3);
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void getAlerts_showsEveryFieldWithThePhoneMasked() throws Exception {
        fixture.registerFlight("UA123", 1);
        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        JsonNode alert = json(fixture.handle(EventFixtures.apiGateway("get-alerts.json"))).path("alerts").get(0);

        assertThat(alert.path("phone").asText()).isEqualTo("+1415*****00");
        assertThat(alert.path("passengerName").asText()).isEqualTo("Ada0 Lovelace");
        assertThat(alert.path("status").asText()).isEqualTo("QUEUED");
        assertThat(alert.path("type").asText()).isEqualTo("CANCELLED");
        assertThat(alert.path("createdAt").asText()).isEqualTo("2026-12-24T14:00:00Z");
        assertThat(alert.path("sentAt").isNull()).isTrue();
        assertThat(alert.path("message").asText()).startsWith("Flightwatch: UA123 on 24 Dec is CANCELLED");
        for (String field : List.of("alertId", "notificationId", "flightNumber", "departureDate", "passengerId")) {
            assertThat(alert.path(field).asText()).as(field).isNotEmpty();
        }
    }

    @Test
    void getAlerts_byNotificationAndStatus_filters() throws Exception {
        fixture.registerFlight("UA123", 2);
        String first = json(fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"))).path("notificationId").asText();
        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));
        Alert sent = fixture.alerts.all().stream().filter(a -> a.notificationId().equals(first)).findFirst().orElseThrow();
        fixture.alerts.save(sent.sent(AlertsHandlerFixture.NOW.plusSeconds(3)));

        JsonNode queued = json(fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                .withQueryStringParameters(Map.of("notificationId", first, "status", "QUEUED"))));
        JsonNode sentPage = json(fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                .withQueryStringParameters(Map.of("notificationId", first, "status", "SENT"))));

        assertThat(queued.path("alerts").size()).isEqualTo(1);
        assertThat(sentPage.path("alerts").findValuesAsText("alertId")).containsExactly(sent.alertId());
        assertThat(sentPage.path("alerts").get(0).path("sentAt").asText()).isEqualTo("2026-12-24T14:00:03Z");
    }

    @Test
    void getAlerts_withoutFlightOrNotification_is400() throws Exception {
        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                .withQueryStringParameters(Map.of("status", "SENT")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("flightNumber");
    }

    @Test
    void getAlerts_withNoQueryStringAtAll_is400() {
        assertThat(fixture.handle(EventFixtures.apiGateway("get-alerts.json").withQueryStringParameters(null)).getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void getAlerts_flightNumberWithoutDate_is400NamingDepartureDate() throws Exception {
        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                .withQueryStringParameters(Map.of("flightNumber", "UA123")));

        assertThat(fields(response)).containsExactly("departureDate");
    }

    @Test
    void getAlerts_badParameters_is400NamingEach() throws Exception {
        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                .withQueryStringParameters(Map.of("notificationId", "nope", "status", "LOST", "limit", "0")));

        assertThat(fields(response)).containsExactly("notificationId", "status", "limit");
    }

    @Test
    void getAlerts_tamperedCursor_is400NamingCursor() throws Exception {
        for (String cursor : List.of("not base64!", "aGVsbG8", "=".repeat(10))) {
            APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                    .withQueryStringParameters(Map.of("flightNumber", "UA123", "departureDate", "2026-12-24",
                            "cursor", cursor)));

            assertThat(response.getStatusCode()).as(cursor).isEqualTo(400);
            assertThat(fields(response)).as(cursor).containsExactly("cursor");
        }
    }

    @Test
    void getAlerts_noLimit_givesPagesOfFifty() throws Exception {
        fixture.registerFlight("UA123", 51);
        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        JsonNode page = json(fixture.handle(EventFixtures.apiGateway("get-alerts.json")
                .withQueryStringParameters(Map.of("flightNumber", "UA123", "departureDate", "2026-12-24"))));

        assertThat(page.path("alerts").size()).isEqualTo(50);
        assertThat(page.path("nextCursor").asText()).isNotEmpty();
    }
}
