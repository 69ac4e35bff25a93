package com.flightwatch.alerts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.flightwatch.common.api.Requests;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.repository.AlertQuery;
import com.flightwatch.common.validation.FieldRules;
import com.flightwatch.common.validation.Validator;
import java.time.LocalDate;

/** Turns the query string of GET /alerts into an {@link AlertQuery}, every parameter checked. */
final class AlertQueryParser {

    /** A page of {@code pageSize}; the query asks for one alert more, whose presence means a next page. */
    record PageRequest(AlertQuery query, int pageSize) {
    }

    PageRequest parse(APIGatewayProxyRequestEvent event) {
        Validator validator = new Validator();
        String flightNumberParam = param(event, "flightNumber");
        String departureDateParam = param(event, "departureDate");
        String notificationIdParam = param(event, "notificationId");
        String flightNumber = flightNumberParam == null ? null : validator.matching("flightNumber", flightNumberParam,
                FieldRules.FLIGHT_NUMBER_MAX, FieldRules.FLIGHT_NUMBER, "an airline code and number like UA123");
        LocalDate departureDate = departureDateParam == null ? null : validator.date("departureDate", departureDateParam);
        String notificationId = notificationIdParam == null ? null : validator.matching("notificationId",
                notificationIdParam, FieldRules.ID_MAX, FieldRules.ID, "a notification id as POST /notifications returned");
        if (flightNumberParam != null && departureDateParam == null) {
            validator.add("departureDate", "is required together with flightNumber");
        }
        if (departureDateParam != null && flightNumberParam == null) {
            validator.add("flightNumber", "is required together with departureDate");
        }
        if (flightNumberParam == null && departureDateParam == null && notificationIdParam == null) {
            validator.add("flightNumber", "give flightNumber and departureDate, or notificationId");
        }
        String statusParam = param(event, "status");
        AlertStatus status = statusParam == null ? null : validator.oneOf("status", statusParam, AlertStatus.class);
        int limit = validator.integer("limit", param(event, "limit"), FieldRules.LIMIT_MIN, FieldRules.LIMIT_MAX,
                FieldRules.LIMIT_DEFAULT);
        String cursor = param(event, Cursors.FIELD);
        validator.throwIfInvalid();
        String after = cursor == null ? null : Cursors.decode(cursor);
        return new PageRequest(new AlertQuery(flightNumber, departureDate, notificationId, status, after, limit + 1), limit);
    }

    private static String param(APIGatewayProxyRequestEvent event, String name) {
        return Requests.queryParameter(event, name).orElse(null);
    }
}
