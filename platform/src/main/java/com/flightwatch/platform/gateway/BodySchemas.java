package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles the request body schemas of an OpenAPI document into JSON Schema validators: OpenAPI's
 * dialect (so {@code nullable} works), {@code $ref}s to {@code components/schemas} resolved within
 * the document, {@code format}s such as {@code date} and {@code date-time} enforced, and failures
 * located by JSON path ({@code $.passengers[0].phone}).
 */
final class BodySchemas {

    private final ObjectMapper mapper;
    private final JsonNode components;
    private final SchemaRegistry registry;

    BodySchemas(OpenAPI document) {
        boolean openApi31 = document.getOpenapi() != null && document.getOpenapi().startsWith("3.1");
        this.mapper = openApi31 ? Json31.mapper() : Json.mapper();
        this.components = document.getComponents() == null || document.getComponents().getSchemas() == null
                ? mapper.createObjectNode()
                : mapper.valueToTree(document.getComponents().getSchemas());
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        // "components" is where the body's $refs point: a place to look things up, not a keyword to apply.
        Dialect dialect = Dialect.builder(openApi31 ? Dialects.getOpenApi31() : Dialects.getOpenApi30())
                .keyword(new NonValidationKeyword("components"))
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemaRegistryConfig(config));
    }

    /** The compiled schema of each media type of the body; empty when the operation takes no body. */
    Map<String, Schema> compile(RequestBody body, String operation) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        if (body == null || body.getContent() == null) {
            return schemas;
        }
        for (Map.Entry<String, MediaType> content : body.getContent().entrySet()) {
            if (content.getValue().getSchema() == null) {
                continue;
            }
            ObjectNode schema = mapper.valueToTree(content.getValue().getSchema());
            // The body schema becomes the root of a document that also holds the components its $refs point into.
            schema.putObject("components").set("schemas", components);
            try {
                schemas.put(content.getKey().toLowerCase(Locale.ROOT), registry.getSchema(schema));
            } catch (RuntimeException e) {
                throw new InvalidApiDefinitionException("The request body schema of " + operation + " ("
                        + content.getKey() + ") does not compile: " + e.getMessage(), e);
            }
        }
        return schemas;
    }
}
