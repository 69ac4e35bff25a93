package com.flightwatch.flights;

/** A passenger as a client sends it; checked by {@link FlightRequestValidator}. */
public record PassengerRequest(String firstName, String lastName, String email, String phone) {
}
