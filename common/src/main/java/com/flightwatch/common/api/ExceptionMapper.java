package com.flightwatch.common.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.DatabaseUnavailableException;
import com.flightwatch.common.exceptions.FieldError;
import com.flightwatch.common.exceptions.MalformedRequestException;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.exceptions.ValidationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an exception becomes an HTTP answer. Client mistakes get 400/404/409 with
 * the fields named; a database that cannot be reached is a 503 with {@code Retry-After}; anything
 * else is a 500 with a generic message, and the details go to the log only, never into the body.
 */
public final class ExceptionMapper {

    static final String INTERNAL_ERROR_MESSAGE = "Internal server error";
    static final String UNAVAILABLE_MESSAGE = "Service unavailable: the database cannot be reached; retry later";
    /** A restarted database is back within seconds; clients that honour the header come back after it. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMapper.class);

    private ExceptionMapper() {
    }

    public static APIGatewayProxyResponseEvent toResponse(Throwable failure) {
        if (failure instanceof ValidationException e) {
            return ApiResponses.json(400, new ApiError("Invalid request", e.errors()));
        }
        if (failure instanceof MalformedRequestException e) {
            return ApiResponses.json(400, new ApiError("Invalid request",
                    List.of(new FieldError(e.field(), e.getMessage()))));
        }
        if (failure instanceof NotFoundException e) {
            return ApiResponses.json(404, ApiError.of(e.getMessage()));
        }
        if (failure instanceof ConflictException e) {
            return ApiResponses.json(409, new ApiError(e.getMessage(), e.errors()));
        }
        if (failure instanceof DatabaseUnavailableException) {
            // The details (host, port, driver message) stay in the log, as for a 500.
            LOG.warn("The database is unavailable, answering 503: {}", failure.getMessage());
            return ApiResponses.json(503, ApiError.of(UNAVAILABLE_MESSAGE),
                    Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
        }
        LOG.error("Unhandled failure, answering 500", failure);
        return ApiResponses.json(500, ApiError.of(INTERNAL_ERROR_MESSAGE));
    }
}
