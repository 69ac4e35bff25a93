package com.flightwatch.platform;

import com.flightwatch.platform.activations.ActivationPruner;
import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.ActivationRoutes;
import com.flightwatch.platform.activations.ActivationStore;
import com.flightwatch.platform.activations.BatchingActivationStore;
import com.flightwatch.platform.activations.JdbcActivationStore;
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
import com.flightwatch.platform.schedule.ScheduleRoutes;
import com.flightwatch.platform.schedule.Scheduler;
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
 * The platform, wired: database, invoker, topics, control plane and one gateway per API of the stack.
 * {@link #start} brings the parts up in dependency order; {@link #close} stops them in reverse.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    /** How long a disabled key may still pass: API Gateway's own caching is of the same order. */
    private static final Duration API_KEY_CACHE_TTL = Duration.ofSeconds(5);
    /** How often quota counts reach the database: what a crash may lose of them (see QuotaCounter). */
    private static final Duration QUOTA_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private final StackSpec stack;
    private final DatabaseConnection database;
    private final FunctionHost invoker;
    private final ActivationStore activations;
    private final Scheduler scheduler;
    private final SnsService sns;
    private final String controlUrl;
    private final List<RunningApi> apis;
    private final Deque<AutoCloseable> closeInReverse;
    private final long startMillis;

    private Platform(Builder parts) {
        this.stack = parts.stack;
        this.database = parts.database;
        this.invoker = parts.invoker;
        this.activations = parts.activations;
        this.scheduler = parts.scheduler;
        this.sns = parts.sns;
        this.controlUrl = parts.controlUrl;
        this.apis = List.copyOf(parts.apis);
        this.closeInReverse = parts.started;
        this.startMillis = parts.elapsedMillis();
    }

    /** Starts everything the stack needs; on any failure stops what had started and rethrows. */
    public static Platform start(PlatformSettings settings) {
        Builder parts = new Builder(settings);
        try {
            parts.loadStack();
            parts.openDatabase();
            parts.startInvokerAndTopics();
            parts.deployFunctions();
            parts.startApis();
            return new Platform(parts);
        } catch (RuntimeException e) {
            parts.closeAll();
            throw e;
        }
    }

    public StackSpec stack() {
        return stack;
    }

    public DatabaseConnection database() {
        return database;
    }

    /** The functions as a trigger of the caller's sees them: each invocation leaves an activation record. */
    public ActivationRecorder invokerFor(String trigger) {
        return new ActivationRecorder(invoker, activations, trigger, Clock.systemUTC());
    }

    /** The stack's schedules ({@code AWS::Events::Rule}); tests fire one now instead of waiting for it. */
    public Scheduler scheduler() {
        return scheduler;
    }

    public FunctionHost invoker() {
        return invoker;
    }

    public SnsService sns() {
        return sns;
    }

    /** The control plane's base URL: the SNS API and /_platform. */
    public String controlUrl() {
        return controlUrl;
    }

    public List<RunningApi> apis() {
        return apis;
    }

    /** How long {@link #start} took. */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        closeAll(closeInReverse);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** One API of the stack, served by its own gateway. */
    public record RunningApi(ApiSpec spec, String url, List<ResolvedApiKey> keys) {
    }

    /** The start sequence, one step per part; what started is pushed so a failure can undo it. */
    private static final class Builder {
        private final PlatformSettings settings;
        private final long startNanos = System.nanoTime();
        private final Deque<AutoCloseable> started = new ArrayDeque<>();
        private final List<RunningApi> apis = new ArrayList<>();
        private StackSpec stack;
        private DatabaseConnection database;
        private HikariDataSource platformData;
        private Vertx vertx;
        private FunctionHost invoker;
        private SnsService sns;
        private ActivationStore activations;
        private Scheduler scheduler;
        private String controlUrl;
        private ControlPlane control;
        private FunctionCatalog functions;

        Builder(PlatformSettings settings) {
            this.settings = settings;
        }

        /** The functions as one trigger sees them: every invocation leaves an activation record. */
        private ActivationRecorder recorder(String trigger) {
            return new ActivationRecorder(invoker, activations, trigger, Clock.systemUTC());
        }

        void loadStack() {
            stack = new StackLoader(LOG::info).load(settings.cdkOut(), settings.stackName(), settings.region());
        }

        void openDatabase() {
            database = DatabaseConnection.open(settings);
            started.push(database);
            platformData = database.platformDataSource();
            started.push(platformData);
        }

        void startInvokerAndTopics() {
            vertx = Vertx.vertx();
            started.push(() -> vertx.close().toCompletionStage().toCompletableFuture().join());
            invoker = settings.isolation().newHost(vertx, settings.region(), settings.limits().maxConcurrency(),
                    settings.limits().idleTimeout());
            started.push(invoker);
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
                                    settings.limits().maxConcurrency())));
            started.push(sns);
            control = new ControlPlane(vertx, sns, new ControlPlaneSettings(settings.host(), controlPort));
            control.start();
            started.push(control);
        }

        void deployFunctions() {
            FunctionEnvironment environment = new FunctionEnvironment(database.appJdbcUrl(stack.stackName()),
                    database.user(), database.password(), controlUrl, settings.region());
            for (FunctionSpec function : stack.functions()) {
                invoker.deploy(environment.applyTo(function));
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
            new ScheduleRoutes(vertx, scheduler).mount(control.router());
        }

        void startApis() {
            ApiKeys keys = new ApiKeys(platformData);
            ApiKeyLookup cachedKeys = new CachedApiKeyLookup(keys, API_KEY_CACHE_TTL, Clock.systemUTC());
            QuotaCounter quotas = new QuotaCounter(new JdbcQuotaStore(platformData), Clock.systemUTC(), QUOTA_FLUSH_INTERVAL);
            started.push(quotas);
            List<String> planIds = stack.apis().stream().flatMap(api -> api.usagePlans().stream())
                    .map(UsagePlanSpec::logicalId).distinct().toList();
            new KeyRoutes(vertx, new ApiKeyAdmin(platformData), stack.stackName(), planIds).mount(control.router());
            new ActivationRoutes(vertx, activations).mount(control.router());
            new LambdaApiRoutes(vertx, invoker, recorder(ActivationRecorder.LAMBDA_API), functions).mount(control.router());
            int port = settings.gatewayPort();
            if (!settings.enforceUsagePlans()) {
                LOG.info("Usage plans and stage throttles are not enforced (--no-usage-plans); API keys still are");
            }
            AccountThrottle account = new AccountThrottle(settings.limits().accountThrottle()); // one account: every API shares it
            for (ApiSpec api : stack.apis()) {
                List<ResolvedApiKey> resolved = keys.ensure(stack.stackName(), api.apiKeys());
                ApiSpec served = settings.enforceUsagePlans() ? api : api.withoutUsagePlans();
                Gateway gateway = new Gateway(vertx, served, recorder(ActivationRecorder.GATEWAY), cachedKeys, quotas,
                        account, new GatewaySettings(settings.host(), port));
                int bound = gateway.start();
                started.push(gateway);
                apis.add(new RunningApi(api, "http://" + settings.host() + ":" + bound, resolved));
                port = port == 0 ? 0 : port + 100; // a second API: 3100, clear of the control plane on 3001
            }
        }

        long elapsedMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        void closeAll() {
            Platform.closeAll(started);
        }
    }
}
