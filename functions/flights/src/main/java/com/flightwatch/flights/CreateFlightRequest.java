package com.flightwatch.flights;

import java.util.List;

/** The body of {@code POST /flights}, as sent; strings so that every rule is checked with its field named. */
public record CreateFlightRequest(
        String flightNumber,
        String departureDate,
        String origin,
        String destination,
        String scheduledDeparture,
        List<PassengerRequest> passengers) {
}
