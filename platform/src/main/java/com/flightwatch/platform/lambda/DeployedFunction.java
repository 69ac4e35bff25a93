package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployment of a function in thread isolation: its class loader and its {@link InstancePool}.
 * The class loader is closed when the deployment is retired and its last instance stopped.
 */
final class DeployedFunction implements AutoCloseable {

    /** Per invocation: what an activation record keeps, as for a process. */
    static final int MAX_CAPTURED_OUTPUT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DeployedFunction.class);
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final FunctionSpec spec;
    private final String arn;
    private final InstancePool<FunctionInstance> pool;
    private FunctionClassLoader loader;
    private int created;
    private boolean retired;

    DeployedFunction(FunctionSpec spec, String region, ConcurrencyLimit limit, ColdStarts coldStarts) {
        this.spec = spec;
        this.arn = AwsIds.functionArn(region, spec.name());
        this.loader = new FunctionClassLoader(spec.name(), spec.codePath());
        this.pool = new InstancePool<>(limit, spec.provisionedConcurrency(), coldStarts, new InstancePool.Lifecycle<>() {
            @Override
            public FunctionInstance start(boolean provisioned) {
                return newInstance(provisioned);
            }

            @Override
            public CompletionStage<?> initialized(FunctionInstance instance) {
                // A thread instance initializes inside its first invocation, on that invocation's thread.
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean healthy(FunctionInstance instance) {
                return true;
            }

            @Override
            public void stop(FunctionInstance instance) {
                instance.close();
            }
        }, this::closeLoader);
    }

    String name() {
        return spec.name();
    }

    String arn() {
        return arn;
    }

    FunctionSpec spec() {
        return spec;
    }

    InstancePool<FunctionInstance> pool() {
        return pool;
    }

    private synchronized FunctionInstance newInstance(boolean provisioned) {
        created++;
        String logStream = LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + LambdaContext.VERSION + "]"
                + UUID.randomUUID().toString().replace("-", "");
        FunctionInstance instance = new FunctionInstance(spec.name(), created, loader, logStream);
        if (provisioned) {
            // Its init output belongs to no invocation; Lambda logs it in the instance's own stream.
            instance.initialize(spec.handler(), new OutputBuffer(MAX_CAPTURED_OUTPUT));
        }
        return instance;
    }

    /**
     * Drops an instance whose init failed. When it was the last one, the class loader goes too, so
     * the next cold start runs static initializers again, as a fresh Lambda sandbox would.
     */
    synchronized void discardAfterInitFailure(FunctionInstance instance) {
        if (pool.discard(instance) == 0 && !retired) {
            closeLoader();
            loader = new FunctionClassLoader(spec.name(), spec.codePath());
        }
    }

    /** Stops idle instances now, and busy ones (and then the class loader) when their invocation ends. */
    @Override
    public void close() {
        synchronized (this) {
            retired = true;
        }
        pool.retire();
    }

    private synchronized void closeLoader() {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("Closing the class loader of {} failed: {}", spec.name(), e.toString());
        }
    }
}
