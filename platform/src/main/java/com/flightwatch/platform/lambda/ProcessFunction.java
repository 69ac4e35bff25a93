package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One deployment of a function in process isolation: its spec and its {@link InstancePool} of
 * JVMs. Redeploying retires it (running invocations finish here, idle JVMs stop); undeploying or
 * closing the platform kills every JVM at once.
 */
final class ProcessFunction implements AutoCloseable {

    private final FunctionSpec spec;
    private final String arn;
    private final ProcessLauncher launcher;
    private final InstancePool<ProcessInstance> pool;

    /** @param instanceCounter numbers instances across a function's deployments, so their ids never repeat */
    ProcessFunction(FunctionSpec spec, String arn, ProcessLauncher launcher, ConcurrencyLimit limit,
                    ColdStarts coldStarts, AtomicLong instanceCounter) {
        this.spec = spec;
        this.arn = arn;
        this.launcher = launcher;
        this.pool = new InstancePool<>(limit, spec.provisionedConcurrency(), coldStarts, new InstancePool.Lifecycle<>() {
            @Override
            public ProcessInstance start(boolean provisioned) {
                return launcher.launch(spec, spec.name() + "-" + instanceCounter.incrementAndGet(), provisioned);
            }

            @Override
            public CompletionStage<?> initialized(ProcessInstance instance) {
                return instance.initialized(ProcessInvoker.initBudgetMillis(spec));
            }

            @Override
            public boolean healthy(ProcessInstance instance) {
                return instance.alive();
            }

            @Override
            public void stop(ProcessInstance instance) {
                instance.kill();
                launcher.forget(instance);
            }
        }, () -> { });
    }

    FunctionSpec spec() {
        return spec;
    }

    String arn() {
        return arn;
    }

    InstancePool<ProcessInstance> pool() {
        return pool;
    }

    List<Long> instancePids() {
        return pool.instances().stream().map(ProcessInstance::pid).toList();
    }

    int instanceCount() {
        return pool.size();
    }

    /** Replaced by a new deployment: idle JVMs stop now, busy ones when their invocation ends. */
    void retire() {
        pool.retire();
    }

    /** Kills every instance and waits for them; invocations in progress end CRASHED. */
    @Override
    public void close() {
        for (ProcessInstance instance : pool.retireAll()) {
            instance.killAndWait();
            launcher.forget(instance);
        }
    }
}
