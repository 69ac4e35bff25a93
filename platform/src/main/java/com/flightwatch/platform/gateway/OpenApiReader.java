package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.AwsIds;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an API's OpenAPI document (with Swagger Parser) into routes: each operation's
 * {@code x-amazon-apigateway-integration}, whether it needs an API key, its request validator,
 * required parameters and body schemas; plus the document's gateway responses and binary media types.
 */
final class OpenApiReader {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiReader.class);

    private static final String INTEGRATION = "x-amazon-apigateway-integration";
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final String VALIDATORS = "x-amazon-apigateway-request-validators";
    private static final String VALIDATOR = "x-amazon-apigateway-request-validator";
    private static final String KEY_SOURCE = "x-amazon-apigateway-api-key-source";
    private static final String GATEWAY_RESPONSES = "x-amazon-apigateway-gateway-responses";
    private static final String BINARY_MEDIA_TYPES = "x-amazon-apigateway-binary-media-types";

    private OpenApiReader() {
    }

    static ApiDefinition read(ApiSpec api, long defaultTimeoutMillis) {
        OpenAPI document = parse(api);
        Extensions root = new Extensions(document.getExtensions());
        BodySchemas bodySchemas = new BodySchemas(document);
        List<Route> routes = new ArrayList<>();
        if (document.getPaths() != null) {
            document.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
                Route route = route(document, root, bodySchemas, path, item, method, operation, defaultTimeoutMillis);
                if (route != null) {
                    routes.add(route);
                }
            }));
        }
        return new ApiDefinition(routes, GatewayResponsesReader.read(root.map(GATEWAY_RESPONSES)),
                root.lowerCaseStrings(BINARY_MEDIA_TYPES));
    }

    private static OpenAPI parse(ApiSpec api) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveRequestBody(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(api.openApiJson(), null, options);
        if (result.getOpenAPI() == null) {
            throw new InvalidApiDefinitionException("The OpenAPI document of " + api.logicalId() + " does not parse: "
                    + result.getMessages());
        }
        if (result.getMessages() != null && !result.getMessages().isEmpty()) {
            LOG.debug("OpenAPI document of {}: {}", api.logicalId(), result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        item.readOperationsMap().forEach((method, operation) -> operations.put(method.name(), operation));
        Object any = item.getExtensions() == null ? null : item.getExtensions().get(ANY_METHOD);
        if (any != null) {
            operations.put(Route.ANY, Json.mapper().convertValue(any, Operation.class));
        }
        return operations;
    }

    private static Route route(OpenAPI document, Extensions root, BodySchemas bodySchemas, String path, PathItem item,
                               String method, Operation operation, long defaultTimeoutMillis) {
        String name = method + " " + path;
        Extensions extensions = new Extensions(operation.getExtensions());
        Map<String, Object> integration = extensions.map(INTEGRATION);
        if (integration.isEmpty()) {
            LOG.warn("{} has no {}: it is not served", name, INTEGRATION);
            return null;
        }
        String type = String.valueOf(integration.get("type")).toLowerCase(Locale.ROOT);
        String functionName = type.equals("aws_proxy") ? functionName(String.valueOf(integration.get("uri"))) : null;
        MockIntegration mock = type.equals("mock") ? MockIntegration.of(integration) : null;
        if (functionName == null && mock == null) {
            LOG.warn("{} uses integration type {}, which the platform does not run: it answers 500", name, type);
        }
        Object timeout = integration.get("timeoutInMillis");
        long timeoutMillis = timeout instanceof Number number ? number.longValue() : defaultTimeoutMillis;
        String validatorName = extensions.string(VALIDATOR, root.string(VALIDATOR, null));
        Map<String, Object> validator = new Extensions(root.map(VALIDATORS)).map(validatorName);
        boolean bodyRequired = operation.getRequestBody() != null && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        return new Route(method, new PathTemplate(path), functionName, timeoutMillis,
                apiKeyRequired(document, root, operation),
                Boolean.TRUE.equals(validator.get("validateRequestBody")),
                Boolean.TRUE.equals(validator.get("validateRequestParameters")),
                requiredParameters(item, operation), bodyRequired,
                bodySchemas.compile(operation.getRequestBody(), name), mock);
    }

    /**
     * The function named in {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations};
     * a qualified ARN (alias or version) names the same function.
     */
    static String functionName(String uri) {
        int start = uri.indexOf("/functions/");
        int end = uri.lastIndexOf("/invocations");
        if (start < 0 || end <= start) {
            return null;
        }
        String functionArn = uri.substring(start + "/functions/".length(), end);
        String[] parts = functionArn.split(":");
        if (parts.length == 8) {
            functionArn = functionArn.substring(0, functionArn.lastIndexOf(':'));
        }
        return AwsIds.nameFromArn(functionArn);
    }

    /**
     * A key is required when the operation's security (or the document's) names an apiKey scheme, or
     * when the document declares an API key source, unless the operation opts out with {@code security: []}.
     */
    private static boolean apiKeyRequired(OpenAPI document, Extensions root, Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : document.getSecurity();
        if (security != null && security.isEmpty() && operation.getSecurity() != null) {
            return false;
        }
        Map<String, SecurityScheme> schemes = document.getComponents() == null ? null : document.getComponents().getSecuritySchemes();
        if (security != null && schemes != null) {
            for (SecurityRequirement requirement : security) {
                for (String schemeName : requirement.keySet()) {
                    SecurityScheme scheme = schemes.get(schemeName);
                    if (scheme != null && scheme.getType() == SecurityScheme.Type.APIKEY) {
                        return true;
                    }
                }
            }
        }
        return root.string(KEY_SOURCE, null) != null;
    }

    /** Path-level parameters, overridden by the operation's own of the same name and location. */
    private static List<RequiredParameter> requiredParameters(PathItem item, Operation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (List<Parameter> level : Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (level != null) {
                level.forEach(p -> parameters.put(p.getIn() + ":" + p.getName(), p));
            }
        }
        return parameters.values().stream()
                .filter(p -> Boolean.TRUE.equals(p.getRequired()) && p.getIn() != null)
                .map(p -> new RequiredParameter(p.getIn(), p.getName()))
                .toList();
    }
}
