package com.flightwatch.common.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A reported flight event; {@code newDeparture} is set for DELAYED only. */
public record Notification(
        String notificationId,
        String flightId,
        String flightNumber,
        LocalDate departureDate,
        NotificationType type,
        String reason,
        Instant newDeparture,
        String idempotencyKey,
        Instant createdAt) {

    public Notification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(type, "type");
    }
}
