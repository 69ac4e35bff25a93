package com.flightwatch.flights;

import java.util.List;

/** The body of {@code POST /flights/{flightId}/passengers}. */
public record AddPassengersRequest(List<PassengerRequest> passengers) {
}
