package com.flightwatch.common.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.FieldError;
import com.flightwatch.common.exceptions.MalformedRequestException;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.exceptions.ValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an exception becomes an HTTP answer. Client mistakes get 400/404/409 with
 * the fields named; anything else is a 500 with a generic message, and the details go to the log
 * only, never into the body.
 */
public final class ExceptionMapper {

    static final String INTERNAL_ERROR_MESSAGE = "Internal server error";
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
        LOG.error("Unhandled failure, answering 500", failure);
        return ApiResponses.json(500, ApiError.of(INTERNAL_ERROR_MESSAGE));
    }
}
