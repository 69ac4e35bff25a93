package com.flightwatch.platform.gateway;

import com.flightwatch.platform.lambda.Invoker;
import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API gateway of one REST API, on Vert.x: routes, API keys, request validators and Lambda proxy
 * integrations from the API's OpenAPI document, answering as API Gateway does, down to the status
 * codes, bodies and {@code x-amzn-*} headers.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Vertx vertx;
    private final ApiSpec api;
    private final GatewaySettings settings;
    private final ExecutorService threads;
    private final RequestPipeline pipeline;
    private final ErrorResponder errors;
    private final GatewayObserver observer;
    private HttpServer server;
    private QuotaCounter ownQuotas;

    /**
     * Reads the API's document; serves nothing until {@link #start}.
     *
     * @param apiKeys where the values clients send in {@code x-api-key} are looked up (e.g. {@link ApiKeys})
     * @throws InvalidApiDefinitionException when the document cannot be served
     */
    public Gateway(Vertx vertx, ApiSpec api, Invoker invoker, ApiKeyLookup apiKeys, GatewaySettings settings) {
        this(vertx, api, invoker, apiKeys, null, settings);
    }

    /**
     * A gateway that counts usage plan quotas with {@code quotas} (shared by the gateways of one
     * platform, closed by its owner); null counts in memory, for this gateway's lifetime.
     *
     * @throws InvalidApiDefinitionException when the document cannot be served
     */
    public Gateway(Vertx vertx, ApiSpec api, Invoker invoker, ApiKeyLookup apiKeys, QuotaCounter quotas,
                   GatewaySettings settings) {
        this(vertx, api, invoker, apiKeys, quotas, new AccountThrottle(settings.accountThrottle()), settings);
    }

    /**
     * A gateway that shares the account-level throttle {@code account} with the platform's other gateways.
     *
     * @throws InvalidApiDefinitionException when the document cannot be served
     */
    public Gateway(Vertx vertx, ApiSpec api, Invoker invoker, ApiKeyLookup apiKeys, QuotaCounter quotas,
                   AccountThrottle account, GatewaySettings settings) {
        this(vertx, api, invoker, apiKeys, quotas, account, settings, GatewayObserver.NONE);
    }

    /**
     * A gateway that tells {@code observer} of every response it sends (the platform's metrics).
     *
     * @throws InvalidApiDefinitionException when the document cannot be served
     */
    public Gateway(Vertx vertx, ApiSpec api, Invoker invoker, ApiKeyLookup apiKeys, QuotaCounter quotas,
                   AccountThrottle account, GatewaySettings settings, GatewayObserver observer) {
        this.vertx = vertx;
        this.observer = observer;
        this.api = api;
        this.settings = settings;
        ApiDefinition definition = OpenApiReader.read(api, settings.integrationTimeoutMillis());
        this.threads = workerThreads(api.logicalId(), settings.workerThreads());
        this.errors = new ErrorResponder(definition.gatewayResponses(), api.stageName());
        Set<String> keysOfThisApi = api.apiKeys().stream().map(ApiKeySpec::logicalId).collect(Collectors.toSet());
        this.pipeline = new RequestPipeline(
                new RouteMatcher(definition.routes(), api.stageName()),
                new ApiKeyCheck(apiKeys, keysOfThisApi,
                        api.usagePlans().stream().map(UsagePlanSpec::logicalId).collect(Collectors.toSet())),
                new UsagePlanCheck(api, quotas != null ? quotas : ownQuotas(), account, System::nanoTime),
                new ProxyEventBuilder(GatewayIds.apiId(api.logicalId()), api.stageName(), definition.binaryMediaTypes()),
                invoker, errors, threads);
    }

    /**
     * Starts listening.
     *
     * @return the bound port (the free one chosen when the settings say 0)
     * @throws GatewayStartException when the host and port cannot be bound
     */
    public synchronized int start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(false);
        if (settings.tls()) {
            // HTTPS only, as API Gateway serves: a plain-HTTP request on this port fails the handshake.
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(settings.tlsCertificate().toString()).setKeyPath(settings.tlsKey().toString()));
        }
        try {
            server = vertx.createHttpServer(options).requestHandler(this::handle).listen().toCompletionStage()
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new GatewayStartException("The gateway for " + api.name() + " cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getCause().getMessage(), e.getCause());
        }
        LOG.info("Gateway for {} (stage {}) listening on {}://{}:{}", api.name(), api.stageName(),
                settings.tls() ? "https" : "http", settings.host(), server.actualPort());
        return server.actualPort();
    }

    /** The bound port; -1 before {@link #start}. */
    public synchronized int port() {
        return server == null ? -1 : server.actualPort();
    }

    private void handle(HttpServerRequest http) {
        long arrived = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        HttpExchange.readBody(http, settings.maxBodyBytes(),
                body -> handle(http, HttpExchange.request(http, body, requestId), arrived),
                () -> {
                    GatewayRequest request = HttpExchange.request(http, new byte[0], requestId);
                    GatewayResponse answer = errors.respond(new RequestTooLargeException(), request, null);
                    observer.responded(null, null, null, answer.status(), System.nanoTime() - arrived);
                    HttpExchange.write(http.response(), answer, requestId);
                });
    }

    private void handle(HttpServerRequest http, GatewayRequest request, long arrived) {
        Context context = vertx.getOrCreateContext();
        RequestPipeline.Progress progress = new RequestPipeline.Progress();
        pipeline.handle(request, progress).whenComplete((response, failure) -> context.runOnContext(ignored -> {
            GatewayResponse answer = response != null ? response
                    : errors.respond(IntegrationFailureException.notInvoked(), request, null);
            // Observed before it is written, so a client that has its answer finds it counted.
            MatchedRoute matched = progress.matched;
            ResolvedApiKey key = progress.key;
            observer.responded(matched == null ? null : matched.route().method(),
                    matched == null ? null : matched.route().path().template(),
                    key == null ? null : key.logicalId(), answer.status(), System.nanoTime() - arrived);
            HttpExchange.write(http.response(), answer, request.requestId());
        }));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
        threads.shutdownNow();
        if (ownQuotas != null) {
            ownQuotas.close();
        }
    }

    private QuotaCounter ownQuotas() {
        ownQuotas = new QuotaCounter(QuotaStore.inMemory(), Clock.systemUTC(), Duration.ofMinutes(1));
        return ownQuotas;
    }

    private static ExecutorService workerThreads(String apiName, int count) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "gateway-" + apiName + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
