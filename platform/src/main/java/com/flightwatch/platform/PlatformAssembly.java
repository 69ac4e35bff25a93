package com.flightwatch.platform;

import com.flightwatch.platform.activations.ActivationPruner;
import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.ActivationRoutes;
import com.flightwatch.platform.activations.ActivationStore;
import com.flightwatch.platform.activations.BatchingActivationStore;
import com.flightwatch.platform.activations.JdbcActivationStore;
import com.flightwatch.platform.console.ConsoleRoutes;
import com.flightwatch.platform.console.ConsoleSources;
import com.flightwatch.platform.control.ControlPlane;
import com.flightwatch.platform.control.ControlPlaneSettings;
import com.flightwatch.platform.gateway.AccountThrottle;
import com.flightwatch.platform.gateway.ApiKeyAdmin;
import com.flightwatch.platform.gateway.ApiKeyLookup;
import com.flightwatch.platform.gateway.ApiKeys;
import com.flightwatch.platform.gateway.CachedApiKeyLookup;
import com.flightwatch.platform.gateway.Gateway;
import com.flightwatch.platform.gateway.GatewaySettings;
import com.flightwatch.platform.gateway.JdbcQuotaStore;
import com.flightwatch.platform.gateway.KeyRoutes;
import com.flightwatch.platform.gateway.QuotaCounter;
import com.flightwatch.platform.gateway.ResolvedApiKey;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambdaapi.FunctionCatalog;
import com.flightwatch.platform.lambdaapi.FunctionCodeStore;
import com.flightwatch.platform.lambdaapi.JdbcFunctionStore;
import com.flightwatch.platform.lambdaapi.LambdaApiRoutes;
import com.flightwatch.platform.metrics.MetricsRoutes;
import com.flightwatch.platform.metrics.PlatformMetrics;
import com.flightwatch.platform.schedule.ScheduleRoutes;
import com.flightwatch.platform.schedule.Scheduler;
import com.flightwatch.platform.security.ControlPlaneAccess;
import com.flightwatch.platform.sns.HttpDeliverySettings;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.SnsSettings;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.stack.StackLoader;
import com.flightwatch.platform.stack.StackSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start sequence of {@link Platform}, one step per part, in dependency order; what started is
 * pushed so a failure (or {@link Platform#close}) can stop it in reverse.
 */
final class PlatformAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    /** How long a disabled key may still pass: API Gateway's own caching is of the same order. */
    private static final Duration API_KEY_CACHE_TTL = Duration.ofSeconds(5);
    /** How often quota counts reach the database: what a crash may lose of them (see QuotaCounter). */
    private static final Duration QUOTA_FLUSH_INTERVAL = Duration.ofSeconds(1);

    final PlatformSettings settings;
    final long startNanos = System.nanoTime();
    final Deque<AutoCloseable> started = new ArrayDeque<>();
    final List<Platform.RunningApi> apis = new ArrayList<>();
    /** Created first and closed last, so every part can report to it (GET /metrics). */
    final PlatformMetrics metrics = new PlatformMetrics();
    StackSpec stack;
    DatabaseConnection database;
    HikariDataSource platformData;
    Vertx vertx;
    FunctionHost invoker;
    SnsService sns;
    ActivationStore activations;
    Scheduler scheduler;
    String controlUrl;
    ControlPlane control;
    FunctionCatalog functions;
    ControlPlaneAccess access;

    PlatformAssembly(PlatformSettings settings) {
        this.settings = settings;
        started.push(metrics);
    }

    /** The functions as one trigger sees them: every invocation leaves an activation record. */
    private ActivationRecorder recorder(String trigger) {
        return new ActivationRecorder(invoker, activations, trigger, Clock.systemUTC(), metrics.activations());
    }

    void loadStack() {
        // Before anything starts: off loopback, without credentials, the platform refuses to start.
        access = ControlPlaneAccess.decide(settings.host(), settings.security(), settings.region(), Clock.systemUTC());
        stack = new StackLoader(LOG::info).load(settings.cdkOut(), settings.stackName(), settings.region());
    }

    void openDatabase() {
        database = DatabaseConnection.open(settings);
        started.push(database);
        platformData = database.platformDataSource();
        started.push(platformData);
        metrics.watchPool(platformData);
    }

    void startInvokerAndTopics() {
        vertx = Vertx.vertx();
        started.push(() -> vertx.close().toCompletionStage().toCompletableFuture().join());
        invoker = settings.isolation().newHost(vertx, settings.region(), settings.limits().maxConcurrency(),
                settings.limits().idleTimeout());
        started.push(invoker);
        metrics.watchFunctions(invoker);
        int controlPort = FreePorts.orFree(settings.host(), settings.controlPort());
        controlUrl = "http://" + settings.host() + ":" + controlPort;
        BatchingActivationStore batching = new BatchingActivationStore(new JdbcActivationStore(platformData));
        started.push(batching);
        activations = batching;
        ActivationPruner pruner = new ActivationPruner(batching, settings.limits().activationRetention(),
                settings.limits().maxActivations(), Clock.systemUTC());
        pruner.start();
        started.push(pruner);
        sns = new SnsService(platformData, recorder(ActivationRecorder.TOPIC),
                SnsSettings.defaults().withRegion(settings.region()).withPublicEndpoint(controlUrl)
                        .withHttpDelivery(HttpDeliverySettings.fromEnvironment(System.getenv()))
                        // As many deliveries in flight as a function may run instances: a fan-out uses its concurrency.
                        .withDeliveryWorkers(Math.max(SnsSettings.defaults().deliveryWorkers(),
                                settings.limits().maxConcurrency())), metrics.topics());
        started.push(sns);
        control = new ControlPlane(vertx, sns, new ControlPlaneSettings(settings.host(), controlPort),
                access.guard().orElse(null));
        control.start();
        started.push(control);
    }

    void deployFunctions() {
        FunctionEnvironment environment = new FunctionEnvironment(database.appJdbcUrl(stack.stackName()),
                database.user(), database.password(), controlUrl, settings.region());
        for (FunctionSpec function : stack.functions()) {
            invoker.deploy(access.signingAsFunctions(environment.applyTo(function)));
        }
        CustomResourceRunner customResources = new CustomResourceRunner(recorder(ActivationRecorder.DEPLOY),
                stack.stackName(), settings.region());
        stack.customResources().forEach(customResources::create);
        // Functions created through the Lambda API: their code under the data directory, their configuration in V9.
        functions = new FunctionCatalog(invoker, new JdbcFunctionStore(platformData),
                new FunctionCodeStore(settings.dataDir().resolve("functions")), settings.region(), Clock.systemUTC());
        functions.redeployStored();
        sns.deploy(stack.topics(), stack.subscriptions());
        sns.start();
        scheduler = new Scheduler(recorder(ActivationRecorder.SCHEDULE), stack.schedules(), settings.region(),
                Clock.systemUTC());
        started.push(scheduler);
        scheduler.start();
    }

    /** Routes on the control plane for what the earlier steps started: keys, activations, the Lambda API. */
    void mountControlRoutes() {
        List<String> planIds = stack.apis().stream().flatMap(api -> api.usagePlans().stream())
                .map(UsagePlanSpec::logicalId).distinct().toList();
        new KeyRoutes(vertx, new ApiKeyAdmin(platformData), stack.stackName(), planIds).mount(control.router());
        new ActivationRoutes(vertx, activations).mount(control.router());
        new LambdaApiRoutes(vertx, invoker, recorder(ActivationRecorder.LAMBDA_API), functions).mount(control.router());
        new ScheduleRoutes(vertx, scheduler).mount(control.router());
        new MetricsRoutes(vertx, metrics).mount(control.router());
        // The console reads the running parts; the gateways' URLs are asked for per request (they start next).
        new ConsoleRoutes(vertx, new ConsoleSources(stack, invoker, activations, sns, new ApiKeyAdmin(platformData),
                new JdbcQuotaStore(platformData), () -> List.copyOf(apis))).mount(control.router());
    }

    /** One gateway per API of the stack, sharing the key store, the quota counts and the account's throttle. */
    void startGateways() {
        ApiKeys keys = new ApiKeys(platformData);
        ApiKeyLookup cachedKeys = new CachedApiKeyLookup(keys, API_KEY_CACHE_TTL, Clock.systemUTC());
        QuotaCounter quotas = new QuotaCounter(new JdbcQuotaStore(platformData), Clock.systemUTC(), QUOTA_FLUSH_INTERVAL);
        started.push(quotas);
        int port = settings.gatewayPort();
        if (!settings.enforceUsagePlans()) {
            LOG.info("Usage plans and stage throttles are not enforced (--no-usage-plans); API keys still are");
        }
        AccountThrottle account = new AccountThrottle(settings.limits().accountThrottle()); // one account: every API shares it
        for (ApiSpec api : stack.apis()) {
            List<ResolvedApiKey> resolved = keys.ensure(stack.stackName(), api.apiKeys());
            ApiSpec served = settings.enforceUsagePlans() ? api : api.withoutUsagePlans();
            Gateway gateway = new Gateway(vertx, served, recorder(ActivationRecorder.GATEWAY), cachedKeys, quotas,
                    account, gatewaySettings(port), metrics.gateway(api.name()));
            int bound = gateway.start();
            started.push(gateway);
            apis.add(new Platform.RunningApi(api, (settings.security().tls() ? "https://" : "http://") + settings.host()
                    + ":" + bound, resolved));
            port = port == 0 ? 0 : port + 100; // a second API: 3100, clear of the control plane on 3001
        }
    }

    private GatewaySettings gatewaySettings(int port) {
        GatewaySettings plain = new GatewaySettings(settings.host(), port);
        return settings.security().tls()
                ? plain.withTls(settings.security().tlsCertificate(), settings.security().tlsKey()) : plain;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void closeAll() {
        Platform.closeAll(started);
    }
}
