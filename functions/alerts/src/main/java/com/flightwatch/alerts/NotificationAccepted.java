package com.flightwatch.alerts;

import com.flightwatch.common.domain.NotificationType;
import java.time.LocalDate;

/** The 202 answer of {@code POST /notifications}; stored as JSON with the idempotency key. */
public record NotificationAccepted(
        String notificationId,
        String flightNumber,
        LocalDate departureDate,
        NotificationType type,
        int alertsIssued) {
}
