package com.flightwatch.platform.lambdaapi;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Lambda's error shape: the type in {@code x-amzn-ErrorType} and the body, which is what the SDKs read. */
final class LambdaErrors {

    private LambdaErrors() {
    }

    static void send(HttpServerResponse response, int status, String type, String message) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-ErrorType", type)
                .putHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString())
                .end(new JsonObject().put("Type", "User").put("message", message).put("__type", type).encode());
    }
}
