package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Notification;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.FieldError;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.json.Json;
import com.flightwatch.common.repository.FlightRepository;
import com.flightwatch.common.repository.IdempotentResponse;
import com.flightwatch.common.repository.NotificationRepository;
import com.flightwatch.common.sms.AlertMessageRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a notification: one alert per passenger, stored with the notification in one transaction,
 * then published. Under an idempotency key the first answer is stored and replayed.
 */
public final class NotificationService {

    /** What to answer: the status and JSON body, and whether they are a replay of an earlier answer. */
    public record Answer(int statusCode, String body, boolean replayed) {
    }

    static final int ACCEPTED = 202;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final FlightRepository flights;
    private final NotificationRepository notifications;
    private final AlertPublisher publisher;
    private final AlertMessageRenderer renderer;
    private final Clock clock;

    public NotificationService(FlightRepository flights, NotificationRepository notifications, AlertPublisher publisher,
            AlertMessageRenderer renderer, Clock clock) {
        this.flights = flights;
        this.notifications = notifications;
        this.publisher = publisher;
        this.renderer = renderer;
        this.clock = clock;
    }

    public Answer issue(NewNotification request) {
        String fingerprint = request.fingerprint();
        if (request.idempotencyKey() != null) {
            Optional<IdempotentResponse> earlier = notifications.findByIdempotencyKey(request.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        Flight flight = flights.findByNumberAndDate(request.flightNumber(), request.departureDate())
                .orElseThrow(() -> new NotFoundException("Flight " + request.flightNumber() + " on "
                        + request.departureDate() + " not found"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Notification notification = new Notification(Ids.newId(), flight.flightId(), flight.flightNumber(),
                flight.departureDate(), request.type(), request.reason(),
                request.newDeparture() == null ? null : request.newDeparture().toInstant(), request.idempotencyKey(), now);
        List<Alert> alerts = alerts(notification, request, flights.passengers(flight.flightId()));
        String body = Json.write(new NotificationAccepted(notification.notificationId(), flight.flightNumber(),
                flight.departureDate(), request.type(), alerts.size()));
        IdempotentResponse response = request.idempotencyKey() == null ? null
                : new IdempotentResponse(request.idempotencyKey(), fingerprint, ACCEPTED, body);

        Optional<IdempotentResponse> raced = notifications.createWithAlerts(notification, alerts, response);
        if (raced.isPresent()) {
            return replay(raced.get(), fingerprint);
        }
        int published = publisher.publish(alerts);
        LOG.info("Notification {}: {} {} on {}, {} alerts stored, {} published", notification.notificationId(),
                request.type(), flight.flightNumber(), flight.departureDate(), alerts.size(), published);
        return new Answer(ACCEPTED, body, false);
    }

    /** Every passenger gets the same text, so it is rendered once. */
    private List<Alert> alerts(Notification notification, NewNotification request, List<Passenger> passengers) {
        String message = renderer.render(request.type(), notification.flightNumber(), notification.departureDate(),
                request.reason(), request.newDeparture());
        return passengers.stream()
                .map(p -> new Alert(Ids.newId(), notification.notificationId(), notification.flightNumber(),
                        notification.departureDate(), notification.type(), p.passengerId(), p.fullName(), p.phone(),
                        message, AlertStatus.QUEUED, notification.createdAt(), null, null))
                .toList();
    }

    private static Answer replay(IdempotentResponse earlier, String fingerprint) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new ConflictException("Idempotency-Key was already used for a different request",
                    List.of(new FieldError(NotificationRequestValidator.IDEMPOTENCY_KEY,
                            "was already used with a different body; use a new key for a new request")));
        }
        LOG.info("Replaying the stored answer for a repeated Idempotency-Key");
        return new Answer(earlier.statusCode(), earlier.body(), true);
    }
}
