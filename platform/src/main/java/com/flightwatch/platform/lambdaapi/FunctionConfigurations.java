package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The JSON shapes the Lambda API answers with: {@code FunctionConfiguration}, {@code GetFunction}
 * and {@code ListFunctions}. Only {@code $LATEST} exists here, always {@code Active} and its last
 * update {@code Successful}, because a deploy is done when the request returns.
 */
final class FunctionConfigurations {

    /** Lambda's {@code LastModified}: {@code 2026-11-24T05:00:00.000+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private FunctionConfigurations() {
    }

    static JsonObject configuration(ManagedFunction function, String functionArn) {
        FunctionSpec spec = function.spec();
        JsonObject configuration = new JsonObject()
                .put("FunctionName", spec.name())
                .put("FunctionArn", functionArn)
                .put("Runtime", spec.runtime())
                .put("Role", function.role())
                .put("Handler", spec.handler())
                .put("CodeSize", function.codeSize())
                .put("Description", function.description())
                .put("Timeout", spec.timeoutSeconds())
                .put("MemorySize", spec.memoryMb())
                .put("LastModified", LAST_MODIFIED.format(function.lastModified()))
                .put("CodeSha256", function.codeSha256())
                .put("Version", "$LATEST")
                .put("TracingConfig", new JsonObject().put("Mode", "PassThrough"))
                .put("RevisionId", revisionId(function))
                .put("State", "Active")
                .put("LastUpdateStatus", "Successful")
                .put("PackageType", "Zip")
                .put("Architectures", new JsonArray(function.architectures()))
                .put("EphemeralStorage", new JsonObject().put("Size", 512))
                .put("LoggingConfig", new JsonObject().put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + spec.name()));
        if (!spec.environment().isEmpty()) {
            configuration.put("Environment", new JsonObject().put("Variables", new JsonObject(Map.copyOf(spec.environment()))));
        }
        return configuration;
    }

    /** {@code Code.Location} is a {@code file:} URL of the code on this machine (Lambda's is a presigned S3 URL). */
    static JsonObject getFunction(ManagedFunction function, String functionArn) {
        JsonObject answer = new JsonObject()
                .put("Configuration", configuration(function, functionArn))
                .put("Code", new JsonObject().put("RepositoryType", "S3")
                        .put("Location", function.spec().codePath() == null ? null : function.spec().codePath().toUri().toString()));
        if (function.spec().reservedConcurrency() != null) {
            answer.put("Concurrency", new JsonObject().put("ReservedConcurrentExecutions", function.spec().reservedConcurrency()));
        }
        return answer;
    }

    static JsonObject list(FunctionPage page, Function<String, String> functionArn) {
        JsonArray functions = new JsonArray();
        page.functions().forEach(function -> functions.add(configuration(function, functionArn.apply(function.name()))));
        JsonObject answer = new JsonObject().put("Functions", functions);
        if (page.nextMarker() != null) {
            answer.put("NextMarker", page.nextMarker());
        }
        return answer;
    }

    /** Changes whenever the configuration or the code does, as Lambda's does. */
    private static String revisionId(ManagedFunction function) {
        String state = function.spec() + "|" + function.codeSha256() + "|" + function.lastModified();
        return UUID.nameUUIDFromBytes(state.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
