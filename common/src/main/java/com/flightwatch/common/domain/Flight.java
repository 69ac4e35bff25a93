package com.flightwatch.common.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A registered flight; {@code flightNumber} + {@code departureDate} identify it for clients. */
public record Flight(
        String flightId,
        String flightNumber,
        LocalDate departureDate,
        String origin,
        String destination,
        Instant scheduledDeparture,
        Instant createdAt) {

    public Flight {
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(flightNumber, "flightNumber");
        Objects.requireNonNull(departureDate, "departureDate");
    }
}
