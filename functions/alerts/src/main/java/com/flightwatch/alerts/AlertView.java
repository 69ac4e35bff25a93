package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.sms.Phones;
import java.time.Instant;
import java.time.LocalDate;

/** An alert as GET /alerts shows it: the phone masked. */
public record AlertView(
        String alertId,
        String notificationId,
        String flightNumber,
        LocalDate departureDate,
        NotificationType type,
        String passengerId,
        String passengerName,
        String phone,
        String message,
        AlertStatus status,
        Instant createdAt,
        Instant sentAt,
        String failureReason) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.alertId(), alert.notificationId(), alert.flightNumber(), alert.departureDate(),
                alert.type(), alert.passengerId(), alert.passengerName(), Phones.mask(alert.phone()), alert.message(),
                alert.status(), alert.createdAt(), alert.sentAt(), alert.failureReason());
    }
}
