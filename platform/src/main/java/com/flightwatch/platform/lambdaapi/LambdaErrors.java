package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.lambda.FunctionNotFoundException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's error shape: the type in {@code x-amzn-ErrorType} and the body, which is what the SDKs
 * read. The one place where the API's exceptions become status codes.
 */
final class LambdaErrors {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaErrors.class);

    private LambdaErrors() {
    }

    static void send(HttpServerResponse response, int status, String type, String message) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-ErrorType", type)
                .putHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .end(new JsonObject().put("Type", "User").put("message", message).put("__type", type).encode());
    }

    /** Answers {@code failure} as Lambda would; what is not the caller's fault is a 500 {@code ServiceException}. */
    static void send(HttpServerResponse response, Throwable failure) {
        if (failure instanceof FunctionNotFoundException) {
            send(response, 404, "ResourceNotFoundException", failure.getMessage());
        } else if (failure instanceof InvalidParameterValueException) {
            send(response, 400, "InvalidParameterValueException", failure.getMessage());
        } else if (failure instanceof ResourceConflictException) {
            send(response, 409, "ResourceConflictException", failure.getMessage());
        } else if (failure instanceof ValidationException) {
            send(response, 400, "ValidationException", failure.getMessage());
        } else if (failure instanceof InvalidRequestContentException) {
            send(response, 400, "InvalidRequestContentException", failure.getMessage());
        } else if (failure instanceof RequestEntityTooLargeException) {
            send(response, 413, "RequestEntityTooLargeException", failure.getMessage());
        } else {
            LOG.warn("A Lambda API request failed: {}", failure.toString());
            send(response, 500, "ServiceException", "The platform failed: " + failure.getMessage());
        }
    }
}
