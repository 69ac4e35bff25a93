package com.flightwatch.platform.gateway;

import com.flightwatch.platform.lambda.FunctionNotFoundException;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.lambda.Invoker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request's way through the gateway, one named step after another: match the route, check the
 * API key and its usage plan, validate, build the proxy event, invoke the function, map its response. Every failure
 * ends in the {@link ErrorResponder}. Runs off the event loop; waiting for the function never
 * holds a thread beyond the integration timeout.
 */
final class RequestPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

    private final RouteMatcher routes;
    private final ApiKeyCheck apiKeys;
    private final UsagePlanCheck usagePlans;
    private final RequestValidator validator = new RequestValidator();
    private final ProxyEventBuilder events;
    private final Invoker invoker;
    private final ProxyResponseMapper responses = new ProxyResponseMapper();
    private final ErrorResponder errors;
    private final Executor threads;

    RequestPipeline(RouteMatcher routes, ApiKeyCheck apiKeys, UsagePlanCheck usagePlans, ProxyEventBuilder events,
                    Invoker invoker, ErrorResponder errors, Executor threads) {
        this.routes = routes;
        this.apiKeys = apiKeys;
        this.usagePlans = usagePlans;
        this.events = events;
        this.invoker = invoker;
        this.errors = errors;
        this.threads = threads;
    }

    /** What the steps that succeeded found: for the error responder after a failure, and the gateway's observer. */
    static final class Progress {
        volatile MatchedRoute matched;
        volatile ResolvedApiKey key;
    }

    /** Never completes exceptionally: every outcome is a response. */
    CompletableFuture<GatewayResponse> handle(GatewayRequest request) {
        return handle(request, new Progress());
    }

    /** As {@link #handle(GatewayRequest)}, leaving in {@code progress} the route and key the request got to. */
    CompletableFuture<GatewayResponse> handle(GatewayRequest request, Progress progress) {
        CompletableFuture<InvocationResult> invocation = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                invocation.complete(run(request, progress, invocation));
            } catch (RuntimeException | Error e) {
                invocation.completeExceptionally(e);
            }
        });
        return invocation.thenApply(responses::toResponse)
                .exceptionally(failure -> respond(failure, request, progress.matched));
    }

    /** The steps up to the invocation, on one worker thread; the caller stops waiting at the integration timeout. */
    private InvocationResult run(GatewayRequest request, Progress progress, CompletableFuture<InvocationResult> invocation) {
        MatchedRoute matched = routes.match(request.httpMethod(), request.path());
        progress.matched = matched;
        ResolvedApiKey key = apiKeys.check(matched.route(), request);
        progress.key = key;
        usagePlans.check(matched.route(), key);
        validator.validate(matched, request);
        Route route = matched.route();
        if (route.mock() != null) {
            return new InvocationResult(request.requestId(), InvocationStatus.SUCCESS, route.mock().asProxyResponse(), null, null, 0);
        }
        byte[] event = events.build(matched, request, key);
        if (route.functionName() == null) {
            throw IntegrationFailureException.notInvoked();
        }
        invocation.orTimeout(route.timeoutMillis(), TimeUnit.MILLISECONDS);
        return invoker.invoke(route.functionName(), event, InvocationType.REQUEST_RESPONSE, request.requestId());
    }

    private GatewayResponse respond(Throwable failure, GatewayRequest request, MatchedRoute matched) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof GatewayException gatewayError) {
            return errors.respond(gatewayError, request, matched);
        }
        if (cause instanceof TimeoutException) {
            return errors.respond(new IntegrationTimeoutException(), request, matched);
        }
        if (cause instanceof FunctionNotFoundException) {
            LOG.warn("{} {} is integrated with a function that is not deployed: {}", request.httpMethod(),
                    request.path(), cause.getMessage());
        } else {
            LOG.error("Request {} {} failed in the gateway", request.httpMethod(), request.path(), cause);
        }
        return errors.respond(IntegrationFailureException.notInvoked(), request, matched);
    }
}
