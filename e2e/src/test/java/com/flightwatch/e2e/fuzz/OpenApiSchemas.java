package com.flightwatch.e2e.fuzz;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The contract the requests are generated from: openapi/flight-api.yaml, every $ref resolved in place. */
final class OpenApiSchemas {

    private static final Path DOCUMENT = Path.of("..", "openapi", "flight-api.yaml");

    private final OpenAPI document;

    private OpenApiSchemas(OpenAPI document) {
        this.document = document;
    }

    static OpenApiSchemas load() {
        if (!Files.isRegularFile(DOCUMENT)) {
            throw new IllegalStateException(DOCUMENT.toAbsolutePath() + " is missing");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(DOCUMENT.toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("Cannot read " + DOCUMENT + ": " + result.getMessages());
        }
        return new OpenApiSchemas(result.getOpenAPI());
    }

    /** The JSON schema of an operation's request body, e.g. {@code ("/flights", "post")}. */
    @SuppressWarnings("rawtypes")
    Schema requestBody(String path, String method) {
        var operation = document.getPaths().get(path).readOperationsMap()
                .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)));
        return operation.getRequestBody().getContent().get("application/json").getSchema();
    }

    /** The parameters of an operation, path-level ones included. */
    List<Parameter> parameters(String path, String method) {
        var item = document.getPaths().get(path);
        var operation = item.readOperationsMap()
                .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)));
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    /** A named schema of {@code components/schemas}. */
    @SuppressWarnings("rawtypes")
    Schema component(String name) {
        return document.getComponents().getSchemas().get(name);
    }
}
