package com.flightwatch.platform.lambdaapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the JSON bodies of {@code CreateFunction}, {@code UpdateFunctionCode} and
 * {@code UpdateFunctionConfiguration} with Lambda's limits; every failure names the field.
 */
final class FunctionRequests {

    /** Lambda's limit on a {@code ZipFile} uploaded in the request itself. */
    static final int MAX_ZIP_BYTES = 50 * 1024 * 1024;
    /** A request holding a base64 {@code ZipFile} of {@link #MAX_ZIP_BYTES}, with room for the rest of the JSON. */
    static final int MAX_BODY_BYTES = MAX_ZIP_BYTES / 3 * 4 + 64 * 1024;
    static final Set<String> RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21");
    static final String DEFAULT_ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    /** Jackson's default 20 MB string limit would refuse a base64 ZipFile long before Lambda's 50 MB limit. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_BODY_BYTES).build())
            .build());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern VARIABLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
    /** Variables the runtime sets itself: Lambda refuses them in a function's configuration. */
    private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private FunctionRequests() {
    }

    static NewFunction create(Buffer body) {
        JsonObject request = json(body);
        String name = requireName(request.getValue("FunctionName"));
        String packageType = string(request, "PackageType");
        if (packageType != null && !"Zip".equals(packageType)) {
            throw new InvalidParameterValueException("PackageType", "only Zip is supported here, not " + packageType);
        }
        String runtime = runtime(string(request, "Runtime"));
        if (runtime == null) {
            throw new InvalidParameterValueException("Runtime", "is required");
        }
        String handler = handler(string(request, "Handler"));
        if (handler == null) {
            throw new InvalidParameterValueException("Handler", "is required");
        }
        Integer memory = memory(integer(request, "MemorySize"));
        Integer timeout = timeout(integer(request, "Timeout"));
        String description = description(string(request, "Description"));
        String role = string(request, "Role");
        return new NewFunction(name, handler, runtime, memory == null ? 128 : memory, timeout == null ? 3 : timeout,
                environment(request), description == null ? "" : description, role == null ? DEFAULT_ROLE : role,
                architectures(request), zipFile(object(request, "Code"), "Code.ZipFile"));
    }

    static ConfigurationChange configurationChange(Buffer body) {
        JsonObject request = json(body);
        return new ConfigurationChange(handler(string(request, "Handler")), runtime(string(request, "Runtime")),
                memory(integer(request, "MemorySize")), timeout(integer(request, "Timeout")),
                request.containsKey("Environment") ? environment(request) : null,
                description(string(request, "Description")), string(request, "Role"));
    }

    /** The decoded {@code ZipFile} of an {@code UpdateFunctionCode} request. */
    static byte[] code(Buffer body) {
        return zipFile(json(body), "ZipFile");
    }

    static String requireName(Object value) {
        if (!(value instanceof String name) || !NAME.matcher(name).matches()) {
            throw new InvalidParameterValueException("FunctionName",
                    "must be 1 to 64 letters, digits, hyphens or underscores, not " + value);
        }
        return name;
    }

    private static byte[] zipFile(JsonObject code, String field) {
        if (code == null || code.getValue("ZipFile") == null) {
            String other = code == null ? null : code.fieldNames().stream().filter(f -> !"ZipFile".equals(f)).findFirst().orElse(null);
            throw new InvalidParameterValueException(field, other == null ? "is required (base64 of a jar or zip)"
                    : "is required: code from " + other + " is not supported here");
        }
        if (!(code.getValue("ZipFile") instanceof String base64)) {
            throw new InvalidParameterValueException(field, "must be a base64 string");
        }
        if (base64.length() / 4L * 3 > MAX_ZIP_BYTES + 3L) {
            throw tooLarge();
        }
        byte[] zip;
        try {
            zip = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterValueException(field, "is not valid base64");
        }
        if (zip.length > MAX_ZIP_BYTES) {
            throw tooLarge();
        }
        return zip;
    }

    static RequestEntityTooLargeException tooLarge() {
        return new RequestEntityTooLargeException("Request must be smaller than " + MAX_ZIP_BYTES
                + " bytes for the CreateFunction/UpdateFunctionCode operation");
    }

    private static String runtime(String runtime) {
        if (runtime != null && !RUNTIMES.contains(runtime)) {
            throw new InvalidParameterValueException("Runtime", "The runtime parameter of " + runtime
                    + " is not supported here: use one of " + String.join(", ", RUNTIMES.stream().sorted().toList()));
        }
        return runtime;
    }

    private static String handler(String handler) {
        if (handler != null && (handler.isBlank() || handler.length() > 128)) {
            throw new InvalidParameterValueException("Handler", "must be 1 to 128 characters (package.Class::method)");
        }
        return handler;
    }

    private static Integer memory(Integer memory) {
        if (memory != null && (memory < 128 || memory > 10240)) {
            throw new InvalidParameterValueException("MemorySize", "must be between 128 and 10240 MB, not " + memory);
        }
        return memory;
    }

    private static Integer timeout(Integer timeout) {
        if (timeout != null && (timeout < 1 || timeout > 900)) {
            throw new InvalidParameterValueException("Timeout", "must be between 1 and 900 seconds, not " + timeout);
        }
        return timeout;
    }

    private static String description(String description) {
        if (description != null && description.length() > 256) {
            throw new InvalidParameterValueException("Description", "must be at most 256 characters");
        }
        return description;
    }

    private static Map<String, String> environment(JsonObject request) {
        JsonObject environment = object(request, "Environment");
        JsonObject variables = environment == null ? null : object(environment, "Variables");
        Map<String, String> result = new LinkedHashMap<>();
        if (variables == null) {
            return result;
        }
        for (Map.Entry<String, Object> variable : variables) {
            String key = variable.getKey();
            if (!VARIABLE.matcher(key).matches()) {
                throw new InvalidParameterValueException("Environment.Variables", "the name " + key
                        + " must start with a letter and hold only letters, digits and underscores");
            }
            if (RESERVED_VARIABLES.contains(key)) {
                throw new InvalidParameterValueException("Environment.Variables", "Lambda was unable to configure"
                        + " your environment variables because they contain reserved keys: " + key);
            }
            if (!(variable.getValue() instanceof String value)) {
                throw new InvalidParameterValueException("Environment.Variables." + key, "must be a string");
            }
            result.put(key, value);
        }
        return result;
    }

    private static List<String> architectures(JsonObject request) {
        Object value = request.getValue("Architectures");
        if (value == null) {
            return List.of("x86_64");
        }
        if (!(value instanceof JsonArray array) || array.size() != 1
                || !("x86_64".equals(array.getValue(0)) || "arm64".equals(array.getValue(0)))) {
            throw new InvalidParameterValueException("Architectures", "must be [\"x86_64\"] or [\"arm64\"], not " + value);
        }
        return List.of(array.getString(0));
    }

    private static JsonObject json(Buffer body) {
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            return new JsonObject(JSON.readValue(body.getBytes(), OBJECT));
        } catch (IOException e) {
            throw new InvalidParameterValueException("body", "must be a JSON object");
        }
    }

    private static String string(JsonObject request, String field) {
        Object value = request.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidParameterValueException(field, "must be a string");
        }
        return (String) value;
    }

    private static Integer integer(JsonObject request, String field) {
        Object value = request.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() != ((Number) value).intValue()) {
            throw new InvalidParameterValueException(field, "must be an integer, not " + value);
        }
        return ((Number) value).intValue();
    }

    private static JsonObject object(JsonObject request, String field) {
        Object value = request.getValue(field);
        if (value != null && !(value instanceof JsonObject)) {
            throw new InvalidParameterValueException(field, "must be an object");
        }
        return (JsonObject) value;
    }
}
