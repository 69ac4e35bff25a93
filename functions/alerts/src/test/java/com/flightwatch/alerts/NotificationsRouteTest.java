package com.flightwatch.alerts;

import static com.flightwatch.alerts.AlertsHandlerFixture.fields;
import static com.flightwatch.alerts.AlertsHandlerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.testing.EventFixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /notifications through AlertsHandler. */
class NotificationsRouteTest {

    private final AlertsHandlerFixture fixture = new AlertsHandlerFixture();

    @Test
    void postNotifications_delayed_is202AndQueuesOneRenderedAlertPerPassenger() throws Exception {
        fixture.registerFlight("UA123", 3);

        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("post-notifications-delayed.json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.path("flightNumber").asText()).isEqualTo("UA123");
        assertThat(body.path("departureDate").asText()).isEqualTo("2026-12-24");
        assertThat(body.path("type").asText()).isEqualTo("DELAYED");
        assertThat(body.path("alertsIssued").asInt()).isEqualTo(3);
        assertThat(response.getHeaders()).doesNotContainKey(AlertsHandler.REPLAYED_HEADER);
        List<Alert> stored = fixture.alerts.all();
        assertThat(stored).hasSize(3).allSatisfy(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.QUEUED);
            assertThat(alert.notificationId()).isEqualTo(body.path("notificationId").asText());
            assertThat(alert.message()).isEqualTo("Flightwatch: UA123 on 24 Dec is DELAYED, now departing 18:45: "
                    + "Weather at JFK. Reply HELP for help.");
        });
        assertThat(fixture.publisher.publishedIds()).containsExactlyInAnyOrderElementsOf(stored.stream().map(Alert::alertId).toList());
        assertThat(fixture.notifications.all().get(0).newDeparture()).isEqualTo(Instant.parse("2026-12-24T23:45:00Z"));
    }

    @Test
    void postNotifications_cancelled_rendersTheCancelledText() {
        fixture.registerFlight("UA123", 1);

        assertThat(fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json")).getStatusCode()).isEqualTo(202);

        assertThat(fixture.alerts.all().get(0).message())
                .isEqualTo("Flightwatch: UA123 on 24 Dec is CANCELLED: Crew unavailable. Reply HELP for help.");
    }

    @Test
    void postNotifications_flightWithoutPassengers_is202WithNoAlerts() throws Exception {
        fixture.registerFlight("UA123", 0);

        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response).path("alertsIssued").asInt()).isZero();
    }

    @Test
    void postNotifications_largeFlight_storesAndPublishesEveryAlert() {
        fixture.registerFlight("UA123", 650);

        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        assertThat(fixture.alerts.all()).hasSize(650);
        assertThat(fixture.publisher.publishedIds()).hasSize(650).doesNotHaveDuplicates();
    }

    @Test
    void postNotifications_unknownFlight_is404AndIssuesNothing() throws Exception {
        fixture.registerFlight("UA999", 2);

        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("post-notifications-delayed.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("message").asText()).isEqualTo("Flight UA123 on 2026-12-24 not found");
        assertThat(fixture.alerts.all()).isEmpty();
        assertThat(fixture.publisher.calls).isEmpty();
    }

    @Test
    void postNotifications_delayedWithoutNewDeparture_is400NamingNewDeparture() throws Exception {
        fixture.registerFlight("UA123", 1);
        APIGatewayProxyRequestEvent event = EventFixtures.apiGateway("post-notifications-delayed.json").withBody("""
                {"flightNumber": "UA123", "departureDate": "2026-12-24", "type": "DELAYED", "reason": "Weather"}""");

        APIGatewayProxyResponseEvent response = fixture.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("newDeparture");
        assertThat(fixture.alerts.all()).isEmpty();
    }

    @Test
    void postNotifications_cancelledWithNewDeparture_is400NamingNewDeparture() throws Exception {
        APIGatewayProxyRequestEvent event = EventFixtures.apiGateway("post-notifications-cancelled.json").withBody("""
                {"flightNumber": "UA123", "departureDate": "2026-12-24", "type": "CANCELLED", "reason": "Crew",
                 "newDeparture": "2026-12-24T18:45:00Z"}""");

        assertThat(fields(fixture.handle(event))).containsExactly("newDeparture");
    }

    @Test
    void postNotifications_badFields_is400NamingEachOne() throws Exception {
        APIGatewayProxyRequestEvent event = EventFixtures.apiGateway("post-notifications-cancelled.json").withBody(
                "{\"flightNumber\": \"UA 123\", \"departureDate\": \"24/12/2026\", \"type\": \"LATE\", \"reason\": \""
                        + "x".repeat(201) + "\"}");

        APIGatewayProxyResponseEvent response = fixture.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("flightNumber", "departureDate", "type", "reason");
    }

    @Test
    void postNotifications_unknownProperty_is400() throws Exception {
        APIGatewayProxyRequestEvent event = EventFixtures.apiGateway("post-notifications-cancelled.json").withBody("""
                {"flightNumber": "UA123", "departureDate": "2026-12-24", "type": "CANCELLED", "reason": "x", "gate": "B2"}""");

        assertThat(fields(fixture.handle(event))).containsExactly("gate");
    }

    @Test
    void postNotifications_sameIdempotencyKeyAgain_replaysTheFirstAnswerAndIssuesNoNewAlerts() {
        fixture.registerFlight("UA123", 4);
        APIGatewayProxyResponseEvent first = fixture.handle(EventFixtures.apiGateway("post-notifications-delayed.json"));

        APIGatewayProxyResponseEvent repeat = fixture.handle(EventFixtures.apiGateway("post-notifications-delayed.json"));

        assertThat(repeat.getStatusCode()).isEqualTo(first.getStatusCode()).isEqualTo(202);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repeat.getHeaders()).containsEntry(AlertsHandler.REPLAYED_HEADER, "true");
        assertThat(fixture.alerts.all()).hasSize(4);
        assertThat(fixture.notifications.all()).hasSize(1);
        assertThat(fixture.publisher.calls).hasSize(1);
    }

    @Test
    void postNotifications_sameIdempotencyKeyWithReformattedBody_isStillARepeat() {
        fixture.registerFlight("UA123", 1);
        fixture.handle(EventFixtures.apiGateway("post-notifications-delayed.json"));
        APIGatewayProxyRequestEvent reformatted = EventFixtures.apiGateway("post-notifications-delayed.json").withBody("""
                {"reason":"Weather at JFK","type":"DELAYED","newDeparture":"2026-12-24T18:45:00-05:00",
                 "departureDate":"2026-12-24","flightNumber":"UA123"}""");

        assertThat(fixture.handle(reformatted).getStatusCode()).isEqualTo(202);
        assertThat(fixture.alerts.all()).hasSize(1);
    }

    @Test
    void postNotifications_sameIdempotencyKeyDifferentRequest_is409() throws Exception {
        fixture.registerFlight("UA123", 1);
        fixture.handle(EventFixtures.apiGateway("post-notifications-delayed.json"));
        APIGatewayProxyRequestEvent other = EventFixtures.apiGateway("post-notifications-delayed.json").withBody("""
                {"flightNumber": "UA123", "departureDate": "2026-12-24", "type": "DELAYED", "reason": "Fog",
                 "newDeparture": "2026-12-24T20:00:00-05:00"}""");

        APIGatewayProxyResponseEvent response = fixture.handle(other);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(fields(response)).containsExactly("Idempotency-Key");
        assertThat(fixture.alerts.all()).hasSize(1);
    }

    @Test
    void postNotifications_withoutIdempotencyKeyTwice_issuesTwice() {
        fixture.registerFlight("UA123", 2);

        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));
        fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        assertThat(fixture.alerts.all()).hasSize(4);
    }

    @Test
    void postNotifications_idempotencyKeyTooLong_is400NamingTheHeader() throws Exception {
        APIGatewayProxyRequestEvent event = EventFixtures.apiGateway("post-notifications-delayed.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", "k".repeat(129));

        assertThat(fields(fixture.handle(event.withHeaders(headers)))).containsExactly("Idempotency-Key");
    }

    @Test
    void postNotifications_topicUnreachable_stillAnswers202AndLeavesAlertsQueued() {
        fixture.registerFlight("UA123", 2);
        fixture.publisher.reachable = false;

        APIGatewayProxyResponseEvent response = fixture.handle(EventFixtures.apiGateway("post-notifications-cancelled.json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(fixture.alerts.all()).extracting(Alert::status).containsOnly(AlertStatus.QUEUED);
    }
}
