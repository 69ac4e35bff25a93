package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.FunctionNotFoundException;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.stack.AwsIds;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's {@code Invoke} ({@code POST /2015-03-31/functions/{name}/invocations}), as the AWS CLI
 * and the SDK's {@code LambdaClient} call it: {@code RequestResponse} answers the result (a
 * handler's failure with {@code X-Amz-Function-Error: Unhandled} and Lambda's error document; 429
 * when the function runs at its concurrency limit), {@code Event} answers 202 at once and runs the
 * function afterwards, waiting for capacity, {@code DryRun} answers 204 when the function exists.
 * {@code X-Amz-Log-Type: Tail} returns the last 4 KB of the invocation's logs, base64, in
 * {@code X-Amz-Log-Result}.
 */
final class InvokeRoutes {

    /** Lambda's limit on a synchronous invocation's payload. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** Lambda's limit on an asynchronous ({@code Event}) invocation's payload. */
    static final int MAX_EVENT_PAYLOAD_BYTES = 256 * 1024;
    static final int LOG_TAIL_BYTES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(InvokeRoutes.class);
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Set<String> INVOCATION_TYPES = Set.of("RequestResponse", "Event", "DryRun");

    private final Vertx vertx;
    private final FunctionHost host;
    private final ActivationRecorder recorder;
    private final String region;

    InvokeRoutes(Vertx vertx, FunctionHost host, ActivationRecorder recorder, String region) {
        this.vertx = vertx;
        this.host = host;
        this.recorder = recorder;
        this.region = region;
    }

    void mount(Router router) {
        router.post("/2015-03-31/functions/:name/invocations")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_PAYLOAD_BYTES))
                .handler(this::invoke)
                .failureHandler(InvokeRoutes::tooLargeOrFailed);
    }

    /** Lambda's order: the request's shape (name, type), then the function, then the payload. */
    private void invoke(RoutingContext context) {
        String name = functionName(context.pathParam("name"));
        String invocationType = context.request().getHeader("X-Amz-Invocation-Type");
        if (invocationType != null && !INVOCATION_TYPES.contains(invocationType)) {
            throw new ValidationException(invocationType, "invocationType",
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        if (host.function(name).isEmpty()) {
            LambdaErrors.send(context.response(), new FunctionNotFoundException(AwsIds.functionArn(region, name)));
            return;
        }
        Buffer body = context.body().buffer();
        byte[] payload = body == null || body.length() == 0 ? EMPTY_EVENT : body.getBytes();
        if ("DryRun".equals(invocationType)) {
            context.response().setStatusCode(204).end();
            return;
        }
        InvokePayloads.requireJson(payload);
        if ("Event".equals(invocationType)) {
            invokeLater(context.response(), name, payload);
        } else {
            boolean tail = "Tail".equals(context.request().getHeader("X-Amz-Log-Type"));
            // Answered from the thread that completes the invocation (for a warm process instance, the Runtime
            // API's event loop): no worker thread waits, and no hop back to this event loop.
            recorder.invokeAsync(name, payload, InvocationType.REQUEST_RESPONSE, null, this::runBlocking)
                    .whenComplete((details, failure) -> {
                        if (failure == null) {
                            answer(context.response(), details, tail);
                        } else {
                            LambdaErrors.send(context.response(), failure instanceof CompletionException
                                    && failure.getCause() != null ? failure.getCause() : failure);
                        }
                    });
        }
    }

    /** What must wait (a cold start's init) runs on a Vert.x worker, never on an event loop. */
    private void runBlocking(Runnable work) {
        vertx.executeBlocking(() -> {
            work.run();
            return null;
        }, false);
    }

    /** Lambda queues the event and answers 202; the function runs when it has capacity (see InvocationType.EVENT). */
    private void invokeLater(HttpServerResponse response, String name, byte[] payload) {
        if (payload.length > MAX_EVENT_PAYLOAD_BYTES) {
            LambdaErrors.send(response, new RequestEntityTooLargeException(payload.length
                    + " byte payload is too large for the Event invocation type (limit " + MAX_EVENT_PAYLOAD_BYTES + " bytes)"));
            return;
        }
        String requestId = UUID.randomUUID().toString();
        response.setStatusCode(202).putHeader("x-amzn-RequestId", requestId).end();
        // The 202's request id is the activation's cause: what the caller can find the activation by.
        vertx.executeBlocking(() -> recorder.invoke(name, payload, InvocationType.EVENT, requestId), false)
                .onSuccess(result -> {
                    if (result.status() == InvocationStatus.THROTTLED) {
                        LOG.warn("The asynchronous invocation of {} was throttled and dropped", name);
                    }
                })
                .onFailure(failure -> LOG.warn("The asynchronous invocation of {} failed: {}", name, failure.toString()));
    }

    private static void answer(HttpServerResponse response, InvocationDetails details, boolean tail) {
        InvocationResult result = details.result();
        if (result.status() == InvocationStatus.THROTTLED) {
            LambdaErrors.send(response, 429, "TooManyRequestsException", "Rate Exceeded.");
            return;
        }
        response.putHeader("x-amzn-RequestId", result.requestId()).putHeader("X-Amz-Executed-Version", "$LATEST")
                .putHeader("Content-Type", "application/json");
        if (!result.succeeded()) {
            response.putHeader("X-Amz-Function-Error", "Unhandled");
        }
        if (tail) {
            response.putHeader("X-Amz-Log-Result", logTail(details.logs()));
        }
        response.setStatusCode(200).end(Buffer.buffer(result.payload() == null ? new byte[0] : result.payload()));
    }

    /**
     * The body handler fails the request with 413 past the limit (Lambda's wording); what {@link #invoke}
     * throws is answered by {@link LambdaErrors} by its type.
     */
    private static void tooLargeOrFailed(RoutingContext context) {
        if (context.statusCode() == 413) {
            LambdaErrors.send(context.response(), new RequestEntityTooLargeException("Request must be smaller than "
                    + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation"));
        } else {
            LambdaErrors.send(context.response(), context.failure() == null
                    ? new IllegalStateException("status " + context.statusCode()) : context.failure());
        }
    }

    static String logTail(String logs) {
        byte[] bytes = logs.getBytes(StandardCharsets.UTF_8);
        byte[] last = bytes.length <= LOG_TAIL_BYTES ? bytes : Arrays.copyOfRange(bytes, bytes.length - LOG_TAIL_BYTES, bytes.length);
        return Base64.getEncoder().encodeToString(last);
    }

    /**
     * The path may carry a name, a partial ARN or a full ARN (with a qualifier); only $LATEST exists here.
     *
     * @throws ValidationException when it is none of these
     */
    static String functionName(String nameOrArn) {
        return FunctionNames.name(nameOrArn);
    }
}
