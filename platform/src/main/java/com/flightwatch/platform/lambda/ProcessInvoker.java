package com.flightwatch.platform.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.lambda.ErrorDocuments.ErrorDocument;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs functions the way Lambda does ("process isolation"): each instance a JVM of its own running
 * Lambda's runtime interface client against the platform's {@link RuntimeApiServer}. One invocation
 * at a time per instance, warm instances reused, new ones started up to a per-function limit and
 * synchronous invokes throttled beyond it. A timed-out instance is killed; an instance that exits
 * or runs out of memory ends its invocation {@code CRASHED}; nothing a function does reaches the
 * platform's JVM. Function processes halt when the platform dies, even by SIGKILL.
 */
public final class ProcessInvoker implements FunctionHost {

    public static final int DEFAULT_MAX_INSTANCES_PER_FUNCTION = 10;
    /** Lambda's limit on the init phase of an on-demand function. */
    static final long INIT_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessInvoker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final int maxInstancesPerFunction;
    private final RuntimeFiles runtimeFiles;
    private final RuntimeApiServer runtimeApi;
    private final ProcessLauncher launcher;
    private final Map<String, ProcessFunction> functions = new ConcurrentHashMap<>();

    /** @param vertx runs the Runtime API server; owned by the caller */
    public ProcessInvoker(Vertx vertx, String region, int maxInstancesPerFunction) {
        if (maxInstancesPerFunction < 1) {
            throw new IllegalArgumentException("maxInstancesPerFunction must be at least 1");
        }
        this.region = region;
        this.maxInstancesPerFunction = maxInstancesPerFunction;
        this.runtimeFiles = new RuntimeFiles();
        try {
            this.runtimeApi = new RuntimeApiServer(vertx);
        } catch (RuntimeException e) {
            runtimeFiles.close();
            throw e;
        }
        this.launcher = new ProcessLauncher(runtimeFiles, runtimeApi, region);
    }

    /** The Runtime API's port on 127.0.0.1. */
    public int runtimeApiPort() {
        return runtimeApi.port();
    }

    /**
     * Deploys (or replaces) a function. Nothing of it runs until the first invocation, as on Lambda;
     * the instances of a replaced function are stopped.
     *
     * @throws FunctionCodeException when its code path does not exist
     */
    @Override
    public void deploy(FunctionSpec spec) {
        FunctionCodeException.requireCode(spec);
        ProcessFunction previous = functions.put(spec.name(),
                new ProcessFunction(spec, AwsIds.functionArn(region, spec.name()), launcher, maxInstancesPerFunction));
        if (previous != null) {
            previous.close();
        }
        LOG.debug("Deployed {} ({}) from {}", spec.name(), spec.handler(), spec.codePath());
    }

    /** @return whether a function of that name was deployed */
    @Override
    public boolean undeploy(String functionName) {
        ProcessFunction removed = functions.remove(functionName);
        if (removed == null) {
            return false;
        }
        removed.close();
        return true;
    }

    @Override
    public Set<String> functionNames() {
        return Set.copyOf(functions.keySet());
    }

    @Override
    public Optional<FunctionSpec> function(String functionName) {
        return Optional.ofNullable(functions.get(functionName)).map(ProcessFunction::spec);
    }

    /** How many instances (warm or busy) a function has now. */
    public int instanceCount(String functionName) {
        ProcessFunction function = functions.get(functionName);
        return function == null ? 0 : function.instanceCount();
    }

    /** The process ids of a function's instances, for operators and tests. */
    public List<Long> instancePids(String functionName) {
        ProcessFunction function = functions.get(functionName);
        return function == null ? List.of() : function.instancePids();
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson) {
        return invokeWithLogs(functionName, eventJson).result();
    }

    /**
     * Invokes synchronously and returns the logs and init duration with the result.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    @Override
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson) {
        ProcessFunction function = functions.get(functionName);
        if (function == null) {
            throw new FunctionNotFoundException(functionName);
        }
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        ProcessInstance instance = function.lease();
        if (instance == null) {
            return new InvocationDetails(result(requestId, InvocationStatus.THROTTLED, ErrorDocuments.of(
                    "TooManyRequestsException", "Rate Exceeded. " + functionName + " is running "
                            + maxInstancesPerFunction + " invocations"), start), "", -1);
        }
        long initMillis = -1;
        InvocationResult result;
        try {
            RuntimeOutcome initFailure = instance.used() ? null : instance.awaitReady(INIT_TIMEOUT_MILLIS);
            if (initFailure != null) {
                result = initError(function, requestId, initFailure, start);
            } else {
                initMillis = instance.used() ? -1 : instance.initMillis();
                result = run(function, instance, eventJson, requestId, start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = result(requestId, InvocationStatus.PLATFORM_ERROR,
                    ErrorDocuments.of("PlatformInterrupted", "The platform stopped waiting for the invocation"), start);
        }
        // The output is taken before the instance is settled: a discarded instance's output file goes with it.
        String logs = instance.takeOutput();
        if (result.status() == InvocationStatus.SUCCESS || result.status() == InvocationStatus.FUNCTION_ERROR) {
            function.release(instance);
        } else {
            function.discard(instance);
        }
        return new InvocationDetails(result, logs, initMillis);
    }

    private InvocationResult run(ProcessFunction function, ProcessInstance instance, byte[] event, String requestId,
                                 long start) throws InterruptedException {
        long timeoutMillis = TimeUnit.SECONDS.toMillis(function.spec().timeoutSeconds());
        Future<RuntimeOutcome> call = instance.dispatch(new ProcessInstance.Dispatch(requestId, event,
                System.currentTimeMillis() + timeoutMillis, function.arn()));
        RuntimeOutcome outcome;
        try {
            outcome = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            instance.kill();
            String message = String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
                    requestId, (double) function.spec().timeoutSeconds());
            return result(requestId, InvocationStatus.TIMEOUT, ErrorDocuments.of("Sandbox.Timedout", message), start);
        } catch (ExecutionException e) {
            throw new IllegalStateException("An invocation's outcome is never completed exceptionally", e);
        }
        return switch (outcome.status()) {
            case SUCCESS -> new InvocationResult(requestId, InvocationStatus.SUCCESS, outcome.payload(), null, null,
                    millisSince(start));
            case FUNCTION_ERROR -> reported(requestId, outcome, start);
            case INIT_ERROR -> initError(function, requestId, outcome, start);
            default -> {
                int exitStatus = instance.exitValueOrMinusOne();
                LOG.warn("An instance of function {} exited with status {} during an invocation",
                        function.spec().name(), exitStatus);
                yield result(requestId, InvocationStatus.CRASHED, ErrorDocuments.of("Runtime.ExitError",
                        "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitStatus), start);
            }
        };
    }

    private static InvocationResult initError(ProcessFunction function, String requestId, RuntimeOutcome outcome,
                                              long start) {
        if (outcome.payload() == null) {
            String message = outcome.errorType().equals("Runtime.InitTimeout")
                    ? "Init of " + function.spec().name() + " timed out after " + INIT_TIMEOUT_MILLIS / 1000 + " seconds"
                    : "The instance of " + function.spec().name() + " exited during init";
            return result(requestId, InvocationStatus.INIT_ERROR, ErrorDocuments.of(outcome.errorType(), message), start);
        }
        InvocationResult reported = reported(requestId, outcome, start);
        return new InvocationResult(requestId, InvocationStatus.INIT_ERROR, reported.payload(), reported.errorType(),
                reported.errorMessage(), reported.durationMillis());
    }

    /** A failure the runtime client reported, with its error document as it sent it. */
    private static InvocationResult reported(String requestId, RuntimeOutcome outcome, long start) {
        String errorType = outcome.errorType();
        String errorMessage = null;
        try {
            JsonNode document = JSON.readTree(outcome.payload());
            if (document != null && document.hasNonNull("errorType")) {
                errorType = document.get("errorType").asText();
            }
            errorMessage = document == null || !document.hasNonNull("errorMessage") ? null
                    : document.get("errorMessage").asText();
        } catch (IOException e) {
            // Not JSON: keep the header's type and no message.
        }
        return new InvocationResult(requestId, outcome.status(), outcome.payload(), errorType, errorMessage,
                millisSince(start));
    }

    private static InvocationResult result(String requestId, InvocationStatus status, ErrorDocument error, long start) {
        return new InvocationResult(requestId, status, error.json(), error.errorType(), error.errorMessage(),
                millisSince(start));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops every function's processes and the Runtime API. */
    @Override
    public void close() {
        for (String name : Set.copyOf(functions.keySet())) {
            undeploy(name);
        }
        runtimeApi.close();
        runtimeFiles.close();
    }
}
