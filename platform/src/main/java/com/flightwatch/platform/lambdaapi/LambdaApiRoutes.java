package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.FunctionNotFoundException;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's {@code Invoke} ({@code POST /2015-03-31/functions/{name}/invocations}) on the control
 * plane, as the AWS CLI and the SDK's {@code LambdaClient} call it: {@code RequestResponse} answers
 * the result (a handler's failure with {@code X-Amz-Function-Error: Unhandled} and Lambda's error
 * document), {@code Event} answers 202 at once and runs the function afterwards, {@code DryRun}
 * answers 204 when the function exists. {@code X-Amz-Log-Type: Tail} returns the last 4 KB of the
 * invocation's logs, base64, in {@code X-Amz-Log-Result}.
 */
public final class LambdaApiRoutes {

    /** Lambda's limit on a synchronous invocation's payload. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    static final int LOG_TAIL_BYTES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(LambdaApiRoutes.class);

    private final Vertx vertx;
    private final FunctionHost host;
    private final ActivationRecorder recorder;

    /** @param recorder records every invocation made through this API (trigger {@code lambda-api}) */
    public LambdaApiRoutes(Vertx vertx, FunctionHost host, ActivationRecorder recorder) {
        this.vertx = vertx;
        this.host = host;
        this.recorder = recorder;
    }

    public void mount(Router router) {
        router.post("/2015-03-31/functions/:name/invocations")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_PAYLOAD_BYTES))
                .handler(this::invoke);
    }

    private void invoke(RoutingContext context) {
        String name = functionName(context.pathParam("name"));
        if (!host.functionNames().contains(name)) {
            LambdaErrors.send(context.response(), 404, "ResourceNotFoundException",
                    "Function not found: " + functionArnOrName(name));
            return;
        }
        byte[] payload = context.body().buffer() == null ? "{}".getBytes(StandardCharsets.UTF_8) : context.body().buffer().getBytes();
        String invocationType = context.request().getHeader("X-Amz-Invocation-Type");
        if ("DryRun".equals(invocationType)) {
            context.response().setStatusCode(204).end();
        } else if ("Event".equals(invocationType)) {
            context.response().setStatusCode(202).putHeader("x-amzn-RequestId", java.util.UUID.randomUUID().toString()).end();
            vertx.executeBlocking(() -> recorder.invokeWithLogs(name, payload), false)
                    .onFailure(failure -> LOG.warn("The asynchronous invocation of {} failed: {}", name, failure.toString()));
        } else if (invocationType == null || "RequestResponse".equals(invocationType)) {
            boolean tail = "Tail".equals(context.request().getHeader("X-Amz-Log-Type"));
            vertx.executeBlocking(() -> recorder.invokeWithLogs(name, payload), false)
                    .onSuccess(details -> answer(context.response(), details, tail))
                    .onFailure(failure -> {
                        if (failure instanceof FunctionNotFoundException) {
                            LambdaErrors.send(context.response(), 404, "ResourceNotFoundException", failure.getMessage());
                        } else {
                            context.fail(failure);
                        }
                    });
        } else {
            LambdaErrors.send(context.response(), 400, "InvalidParameterValueException",
                    "X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, not " + invocationType);
        }
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

    static String logTail(String logs) {
        byte[] bytes = logs.getBytes(StandardCharsets.UTF_8);
        byte[] last = bytes.length <= LOG_TAIL_BYTES ? bytes : Arrays.copyOfRange(bytes, bytes.length - LOG_TAIL_BYTES, bytes.length);
        return Base64.getEncoder().encodeToString(last);
    }

    /** The path may carry a name, a partial ARN or a full ARN (with a qualifier); only $LATEST exists here. */
    static String functionName(String nameOrArn) {
        String name = nameOrArn;
        int function = name.indexOf("function:");
        if (function >= 0) {
            name = name.substring(function + "function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier < 0 ? name : name.substring(0, qualifier);
    }

    private static String functionArnOrName(String name) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + name;
    }
}
