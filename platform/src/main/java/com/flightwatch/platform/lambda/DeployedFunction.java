package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function deployed in thread isolation: its class loader and its pool of warm instances, which
 * grows on demand up to a limit and hands out the most recently used idle instance first.
 */
final class DeployedFunction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeployedFunction.class);
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final FunctionSpec spec;
    private final String arn;
    private final int maxInstances;
    private final Deque<FunctionInstance> idle = new ArrayDeque<>();
    private FunctionClassLoader loader;
    private int instances;
    private int created;
    private boolean closed;

    DeployedFunction(FunctionSpec spec, String region, int maxInstances) {
        this.spec = spec;
        this.arn = AwsIds.functionArn(region, spec.name());
        this.maxInstances = maxInstances;
        this.loader = new FunctionClassLoader(spec.name(), spec.codePath());
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

    synchronized ClassLoader loader() {
        return loader;
    }

    /** A warm instance if one is idle, else a new (cold) one; null when the function is at its concurrency limit. */
    synchronized FunctionInstance acquire() {
        if (closed) {
            throw new FunctionNotFoundException(spec.name());
        }
        FunctionInstance warm = idle.pollFirst();
        if (warm != null) {
            return warm;
        }
        if (instances >= maxInstances) {
            return null;
        }
        instances++;
        created++;
        String logStream = LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + LambdaContext.VERSION + "]"
                + UUID.randomUUID().toString().replace("-", "");
        return new FunctionInstance(spec.name(), created, loader, logStream);
    }

    synchronized void release(FunctionInstance instance) {
        if (closed) {
            instance.close();
            instances--;
            closeLoaderWhenUnused();
            return;
        }
        idle.addFirst(instance);
    }

    /**
     * Drops an instance that timed out or failed to initialize. When the last instance of a failed
     * init is gone, the class loader goes too, so the next cold start runs static initializers
     * again, as a fresh Lambda sandbox would.
     */
    synchronized void discard(FunctionInstance instance, boolean initFailed) {
        instance.close();
        instances--;
        if (closed) {
            closeLoaderWhenUnused();
        } else if (initFailed && instances == 0) {
            closeLoader();
            loader = new FunctionClassLoader(spec.name(), spec.codePath());
        }
    }

    /** Stops idle instances now, and busy ones (and then the class loader) when their invocation ends. */
    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(FunctionInstance::close);
        instances -= idle.size();
        idle.clear();
        closeLoaderWhenUnused();
    }

    private void closeLoaderWhenUnused() {
        if (instances == 0) {
            closeLoader();
        }
    }

    private void closeLoader() {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("Closing the class loader of {} failed: {}", spec.name(), e.toString());
        }
    }
}
