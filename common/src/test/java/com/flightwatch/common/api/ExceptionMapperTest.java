package com.flightwatch.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.DataAccessException;
import com.flightwatch.common.exceptions.DatabaseUnavailableException;
import com.flightwatch.common.exceptions.FieldError;
import com.flightwatch.common.exceptions.MalformedRequestException;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.exceptions.ValidationException;
import com.flightwatch.common.json.Json;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionMapperTest {

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }

    @Test
    void toResponse_validation_is400WithEveryField() throws Exception {
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(new ValidationException(List.of(
                new FieldError("passengers[2].phone", "must be E.164"), new FieldError("origin", "is required"))));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(body(response).path("errors").findValuesAsText("field")).containsExactly("passengers[2].phone", "origin");
    }

    @Test
    void toResponse_malformed_is400NamingTheField() throws Exception {
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(
                new MalformedRequestException("body", "is not valid JSON (line 1, column 2)", null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void toResponse_notFound_is404WithMessage() throws Exception {
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(new NotFoundException("Flight x not found"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).path("message").asText()).isEqualTo("Flight x not found");
        assertThat(body(response).path("errors").isArray()).isTrue();
    }

    @Test
    void toResponse_conflict_is409() {
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(
                ConflictException.flightAlreadyRegistered("UA123", LocalDate.of(2026, 12, 24)));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody()).contains("UA123 on 2026-12-24 is already registered");
    }

    @Test
    void toResponse_databaseUnreachable_is503WithRetryAfterAndNoDetails() throws Exception {
        SQLException timedOut = new SQLTransientConnectionException(
                "flightwatch - Connection is not available, request timed out after 10000ms (10.0.0.12:3306)", "08S01");
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(
                new DatabaseUnavailableException("find flight", timedOut));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5").containsEntry("Content-Type", "application/json");
        assertThat(body(response).path("message").asText()).startsWith("Service unavailable");
        assertThat(response.getBody()).doesNotContain("10.0.0.12");
    }

    @Test
    void isUnavailable_connectionFailureOrSqlStateClass08_trueButNotForABadStatement() {
        assertThat(DatabaseUnavailableException.isUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(DatabaseUnavailableException.isUnavailable(new SQLException("Communications link failure", "08S01")))
                .isTrue();
        assertThat(DatabaseUnavailableException.isUnavailable(new SQLException("You have an error in your SQL syntax",
                "42000"))).isFalse();
    }

    @Test
    void toResponse_sqlErrorOtherThanUnreachable_staysA500() {
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(
                new DataAccessException("find flight", new SQLException("Unknown column 'x'", "42S22")));

        assertThat(response.getStatusCode()).isEqualTo(500);
    }

    @Test
    void toResponse_unknownException_is500WithoutDetails() throws Exception {
        APIGatewayProxyResponseEvent response = ExceptionMapper.toResponse(
                new IllegalStateException("password=hunter2 at com.flightwatch.Secret"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(body(response).path("message").asText()).isEqualTo("Internal server error");
        assertThat(response.getBody()).doesNotContain("hunter2").doesNotContain("com.flightwatch");
    }
}
