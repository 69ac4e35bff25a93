package com.flightwatch.common.domain;

import com.flightwatch.common.sms.Phones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One SMS to one passenger about one notification. The flight and passenger fields are copied
 * in so that the alert records what was sent to whom, even if the passenger changes later.
 */
public record Alert(
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

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(status, "status");
    }

    public Alert sent(Instant at) {
        return new Alert(alertId, notificationId, flightNumber, departureDate, type, passengerId,
                passengerName, phone, message, AlertStatus.SENT, createdAt, at, null);
    }

    public Alert failed(String reason) {
        return new Alert(alertId, notificationId, flightNumber, departureDate, type, passengerId,
                passengerName, phone, message, AlertStatus.FAILED, createdAt, null, reason);
    }

    /** Masks the phone so a stray log line never carries a full number. */
    @Override
    public String toString() {
        return "Alert[alertId=" + alertId + ", notificationId=" + notificationId
                + ", flightNumber=" + flightNumber + ", departureDate=" + departureDate
                + ", type=" + type + ", phone=" + Phones.mask(phone) + ", status=" + status + "]";
    }
}
