package com.flightwatch.platform.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.activations.ActivationQuery;
import com.flightwatch.platform.activations.ActivationStore;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.lambda.ThreadInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /_platform/console/functions}: each deployed function (from the stack or the Lambda API)
 * with its configuration, how many instances it has now, and its recent activations' errors.
 */
final class FunctionsView {

    /** How far back "recent" looks, in activations of one function. */
    static final int RECENT = 50;
    static final int ERRORS_SHOWN = 5;

    private final FunctionHost host;
    private final ActivationStore activations;

    FunctionsView(FunctionHost host, ActivationStore activations) {
        this.host = host;
        this.activations = activations;
    }

    /** Blocks on the activation store: call it off the event loop. */
    ArrayNode json() {
        ArrayNode functions = ConsoleJson.JSON.createArrayNode();
        host.functionNames().stream().sorted().forEach(name -> host.function(name)
                .ifPresent(spec -> functions.add(function(spec))));
        return functions;
    }

    private ObjectNode function(FunctionSpec spec) {
        ObjectNode json = ConsoleJson.JSON.createObjectNode()
                .put("name", spec.name())
                .put("logicalId", spec.logicalId())
                .put("handler", spec.handler())
                .put("runtime", spec.runtime())
                .put("memoryMb", spec.memoryMb())
                .put("timeoutSeconds", spec.timeoutSeconds())
                .put("reservedConcurrency", spec.reservedConcurrency())
                .put("provisionedConcurrency", spec.provisionedConcurrency());
        instances(spec.name()).ifPresent(count -> json.put("instances", count));
        json.set("environment", ConsoleJson.JSON.valueToTree(Masking.environment(spec.environment())));
        List<Activation> recent = activations.list(new ActivationQuery(spec.name(), null, RECENT));
        List<Activation> errors = recent.stream()
                .filter(activation -> !InvocationStatus.SUCCESS.name().equals(activation.status())).toList();
        json.put("recentActivations", recent.size()).put("recentErrorCount", errors.size());
        ArrayNode shown = json.putArray("recentErrors");
        errors.stream().limit(ERRORS_SHOWN).forEach(error -> shown.addObject()
                .put("activationId", error.activationId())
                .put("status", error.status())
                .put("errorType", error.errorType())
                .put("errorMessage", error.errorMessage())
                .put("end", error.end().toEpochMilli()));
        return json;
    }

    /** Warm and busy instances now; empty for a host that does not count them. */
    private Optional<Integer> instances(String name) {
        if (host instanceof ProcessInvoker process) {
            return Optional.of(process.instanceCount(name));
        }
        if (host instanceof ThreadInvoker thread) {
            return Optional.of(thread.instanceCount(name));
        }
        return Optional.empty();
    }
}
