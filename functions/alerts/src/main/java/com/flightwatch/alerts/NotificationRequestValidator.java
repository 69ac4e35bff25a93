package com.flightwatch.alerts;

import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.validation.FieldRules;
import com.flightwatch.common.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The rules of openapi/flight-api.yaml for POST /notifications, plus the one a schema cannot say. */
final class NotificationRequestValidator {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    NewNotification validate(NotificationRequest request, String idempotencyKey) {
        Validator validator = new Validator();
        String flightNumber = validator.matching("flightNumber", request.flightNumber(), FieldRules.FLIGHT_NUMBER_MAX,
                FieldRules.FLIGHT_NUMBER, "an airline code and number like UA123");
        LocalDate departureDate = validator.date("departureDate", request.departureDate());
        NotificationType type = validator.oneOf("type", request.type(), NotificationType.class);
        String reason = validator.humanText("reason", request.reason(), FieldRules.REASON_MAX);
        OffsetDateTime newDeparture = null;
        if (request.newDeparture() != null) {
            newDeparture = validator.dateTime("newDeparture", request.newDeparture());
        }
        // "required if" is beyond OpenAPI 3.0, so this rule lives here only.
        if (type == NotificationType.DELAYED && request.newDeparture() == null) {
            validator.add("newDeparture", "is required when type is DELAYED");
        }
        if (type == NotificationType.CANCELLED && request.newDeparture() != null) {
            validator.add("newDeparture", "must not be set when type is CANCELLED");
        }
        if (idempotencyKey != null) {
            validator.humanText(IDEMPOTENCY_KEY, idempotencyKey, FieldRules.IDEMPOTENCY_KEY_MAX);
        }
        validator.throwIfInvalid();
        return new NewNotification(flightNumber, departureDate, type, reason, newDeparture, idempotencyKey);
    }
}
