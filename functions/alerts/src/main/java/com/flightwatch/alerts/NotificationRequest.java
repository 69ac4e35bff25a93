package com.flightwatch.alerts;

/** The body of {@code POST /notifications}, as sent; checked by {@link NotificationRequestValidator}. */
public record NotificationRequest(
        String flightNumber,
        String departureDate,
        String type,
        String reason,
        String newDeparture) {
}
