package com.flightwatch.platform;

import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.ActivationStore;
import com.flightwatch.platform.gateway.ResolvedApiKey;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.metrics.PlatformMetrics;
import com.flightwatch.platform.schedule.Scheduler;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.StackSpec;
import java.time.Clock;
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

    private final StackSpec stack;
    private final DatabaseConnection database;
    private final FunctionHost invoker;
    private final ActivationStore activations;
    private final Scheduler scheduler;
    private final SnsService sns;
    private final String controlUrl;
    private final List<RunningApi> apis;
    private final Deque<AutoCloseable> closeInReverse;
    private final PlatformMetrics metrics;
    private final long startMillis;

    Platform(PlatformAssembly parts) {
        this.stack = parts.stack;
        this.database = parts.database;
        this.invoker = parts.invoker;
        this.activations = parts.activations;
        this.scheduler = parts.scheduler;
        this.sns = parts.sns;
        this.controlUrl = parts.controlUrl;
        this.apis = List.copyOf(parts.apis);
        this.closeInReverse = parts.started;
        this.metrics = parts.metrics;
        this.startMillis = parts.elapsedMillis();
    }

    /** Starts everything the stack needs; on any failure stops what had started and rethrows. */
    public static Platform start(PlatformSettings settings) {
        PlatformAssembly parts = new PlatformAssembly(settings);
        try {
            parts.loadStack();
            parts.openDatabase();
            parts.startInvokerAndTopics();
            parts.deployFunctions();
            parts.mountControlRoutes();
            parts.startGateways();
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
        return new ActivationRecorder(invoker, activations, trigger, Clock.systemUTC(), metrics.activations());
    }

    /** The stack's schedules ({@code AWS::Events::Rule}); tests fire one now instead of waiting for it. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** What GET /metrics on the control plane serves. */
    public PlatformMetrics metrics() {
        return metrics;
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

    static void closeAll(Deque<AutoCloseable> started) {
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
}
