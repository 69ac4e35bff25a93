package com.flightwatch.platform.metrics;

import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.stack.FunctionSpec;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** A host with functions a test deploys by name, and one whose running invocations and instances it sets; it invokes nothing. */
final class FixedHost implements FunctionHost {

    private final String function;
    final Set<String> deployed = new CopyOnWriteArraySet<>();
    volatile int running;
    volatile int instances;

    FixedHost(String function, int running, int instances) {
        this.function = function;
        this.running = running;
        this.instances = instances;
        deployed.add(function);
    }

    @Override
    public int concurrentExecutions(String functionName) {
        return function.equals(functionName) ? running : 0;
    }

    @Override
    public int instanceCount(String functionName) {
        return function.equals(functionName) ? instances : 0;
    }

    @Override
    public Set<String> functionNames() {
        return Set.copyOf(deployed);
    }

    @Override
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson, InvocationType type) {
        throw new UnsupportedOperationException("FixedHost invokes nothing");
    }

    @Override
    public void deploy(FunctionSpec spec) {
    }

    @Override
    public boolean undeploy(String functionName) {
        return false;
    }

    @Override
    public Optional<FunctionSpec> function(String functionName) {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
