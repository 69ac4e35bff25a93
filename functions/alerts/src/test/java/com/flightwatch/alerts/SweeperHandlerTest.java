package com.flightwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.testing.InMemoryAlertRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SweeperHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");

    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SweeperHandler sweeper = new SweeperHandler(alerts, publisher, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void handleRequest_queuedAlertsOlderThanTheGrace_arePublishedAgain() {
        alerts.save(alert("stuck", AlertStatus.QUEUED, NOW.minus(SweeperHandler.GRACE).minusSeconds(1)));
        alerts.save(alert("fresh", AlertStatus.QUEUED, NOW.minusSeconds(10)));
        alerts.save(alert("sent", AlertStatus.SENT, NOW.minusSeconds(3600)));

        SweeperHandler.SweepResult result = sweeper.handleRequest(new ScheduledEvent(), null);

        assertThat(publisher.publishedIds()).containsExactly("stuck");
        assertThat(result).isEqualTo(new SweeperHandler.SweepResult(1, 1));
    }

    @Test
    void handleRequest_whenTopicIsUnreachable_reportsNothingRepublished() {
        alerts.save(alert("stuck", AlertStatus.QUEUED, NOW.minusSeconds(3600)));
        publisher.reachable = false;

        assertThat(sweeper.handleRequest(new ScheduledEvent(), null)).isEqualTo(new SweeperHandler.SweepResult(1, 0));
    }

    @Test
    void handleRequest_withNothingQueued_publishesNothing() {
        assertThat(sweeper.handleRequest(new ScheduledEvent(), null)).isEqualTo(new SweeperHandler.SweepResult(0, 0));
        assertThat(publisher.calls).isEmpty();
    }

    private static Alert alert(String id, AlertStatus status, Instant createdAt) {
        return new Alert(id, "notification-1", "UA123", LocalDate.of(2026, 12, 24), NotificationType.DELAYED, "p-" + id,
                "Ada Lovelace", "+14155550100", "text", status, createdAt, null, null);
    }
}
