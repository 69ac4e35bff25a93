package com.flightwatch.common.repository;

import com.flightwatch.common.domain.AlertStatus;
import java.time.LocalDate;

/**
 * A page of alerts: by flight, by notification, or both, optionally by status, ordered by alert id,
 * starting after {@code afterAlertId} (null for the first page).
 */
public record AlertQuery(
        String flightNumber,
        LocalDate departureDate,
        String notificationId,
        AlertStatus status,
        String afterAlertId,
        int limit) {

    public AlertQuery {
        if ((flightNumber == null) != (departureDate == null)) {
            throw new IllegalArgumentException("flightNumber and departureDate go together");
        }
        if (flightNumber == null && notificationId == null) {
            throw new IllegalArgumentException("an alert query needs a flight or a notification");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    public boolean byFlight() {
        return flightNumber != null;
    }
}
