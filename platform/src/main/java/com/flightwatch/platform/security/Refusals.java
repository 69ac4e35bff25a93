package com.flightwatch.platform.security;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The one place an authentication failure becomes an answer, in each API's own error shape: Lambda's
 * JSON with {@code x-amzn-ErrorType}, SNS's XML {@code ErrorResponse}, and for the platform's own
 * routes a 401 that asks a browser for HTTP Basic credentials.
 */
final class Refusals {

    static final String REALM = "Basic realm=\"flightwatch control plane\", charset=\"UTF-8\"";
    private static final String SNS_NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private Refusals() {
    }

    static void refuse(HttpServerResponse response, ControlPlaneApi api, RequestAuthenticationException failure) {
        String message = failure.getMessage();
        switch (api) {
            case LAMBDA -> lambda(response, 403, lambdaType(failure), message);
            case SNS -> sns(response, failure instanceof IncompleteSignatureException ? 400 : 403, snsCode(failure),
                    failure instanceof MissingAuthenticationTokenException ? "Request is missing Authentication Token"
                            : message);
            default -> platform(response, failure instanceof MissingAuthenticationTokenException
                    ? "This control plane needs credentials: HTTP Basic (access key id and secret) or AWS Signature V4"
                    : message);
        }
    }

    static void tooLarge(HttpServerResponse response, ControlPlaneApi api, String operation, long limit) {
        String message = "Request must be smaller than " + limit + " bytes for the " + operation + " operation";
        switch (api) {
            case LAMBDA -> lambda(response, 413, "RequestEntityTooLargeException", message);
            case SNS -> sns(response, 413, "RequestEntityTooLarge", message);
            default -> json(response, 413).end(new JsonObject().put("message", message).encode());
        }
    }

    private static String lambdaType(RequestAuthenticationException failure) {
        if (failure instanceof MissingAuthenticationTokenException) {
            return "MissingAuthenticationTokenException";
        }
        if (failure instanceof IncompleteSignatureException) {
            return "IncompleteSignatureException";
        }
        return failure instanceof UnknownAccessKeyException ? "UnrecognizedClientException" : "InvalidSignatureException";
    }

    private static String snsCode(RequestAuthenticationException failure) {
        if (failure instanceof MissingAuthenticationTokenException) {
            return "MissingAuthenticationToken";
        }
        if (failure instanceof IncompleteSignatureException) {
            return "IncompleteSignature";
        }
        return failure instanceof UnknownAccessKeyException ? "InvalidClientTokenId" : "SignatureDoesNotMatch";
    }

    private static void lambda(HttpServerResponse response, int status, String type, String message) {
        json(response, status).putHeader("x-amzn-ErrorType", type)
                .end(new JsonObject().put("Type", "User").put("message", message).put("__type", type).encode());
    }

    private static void sns(HttpServerResponse response, int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        response.setStatusCode(status).putHeader("Content-Type", "text/xml").putHeader("x-amzn-RequestId", requestId)
                .end("<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + SNS_NAMESPACE + "\"><Error><Type>Sender</Type>"
                        + "<Code>" + code + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>" + requestId
                        + "</RequestId></ErrorResponse>\n");
    }

    private static void platform(HttpServerResponse response, String message) {
        json(response, 401).putHeader("WWW-Authenticate", REALM)
                .end(new JsonObject().put("message", message).encode());
    }

    private static HttpServerResponse json(HttpServerResponse response, int status) {
        return response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
