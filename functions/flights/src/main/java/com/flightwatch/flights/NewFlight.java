package com.flightwatch.flights;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A flight to register, every field checked. */
public record NewFlight(
        String flightNumber,
        LocalDate departureDate,
        String origin,
        String destination,
        OffsetDateTime scheduledDeparture,
        List<NewPassenger> passengers) {
}
