package com.flightwatch.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.flightwatch.cdk.exceptions.InvalidOpenApiDocumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Fn;

/**
 * Turns {@code openapi/flight-api.yaml} into the body of the REST API. The document names its
 * Lambda integrations by placeholder ({@code ${FlightsFunctionArn}}) so the same file serves the
 * local platform and AWS; here each integration uri becomes an {@code Fn::Sub} over the ARNs of
 * the functions this stack creates.
 */
public final class OpenApiDefinition {

    static final String INTEGRATION_KEY = "x-amazon-apigateway-integration";

    /** {@code ${Name}} but not {@code ${!Literal}}, which Fn::Sub leaves as text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final String PSEUDO_PARAMETER_PREFIX = "AWS::";

    private OpenApiDefinition() {
    }

    /**
     * Reads the document and substitutes every integration uri.
     *
     * @param arnsByPlaceholder placeholder name (without {@code ${}}) to the ARN token it stands for
     * @return the document as nested maps and lists, ready for {@code ApiDefinition.fromInline}
     */
    public static Map<String, Object> withIntegrationArns(Path document, Map<String, String> arnsByPlaceholder) {
        Map<String, Object> tree = read(document);
        List<String> integrationsFound = new ArrayList<>();
        substitute(tree, "", arnsByPlaceholder, document, integrationsFound);
        if (integrationsFound.isEmpty()) {
            throw new InvalidOpenApiDocumentException(document + " has no " + INTEGRATION_KEY
                    + " with a uri: API Gateway would have nothing to call");
        }
        return tree;
    }

    private static Map<String, Object> read(Path document) {
        try {
            Map<String, Object> tree = new YAMLMapper().readValue(document.toFile(), new TypeReference<>() { });
            if (tree == null) {
                throw new InvalidOpenApiDocumentException(document + " is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidOpenApiDocumentException(document + " is not a YAML mapping: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidOpenApiDocumentException("cannot read " + document + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void substitute(Object node, String location, Map<String, String> arns, Path document,
            List<String> integrationsFound) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                String childLocation = location.isEmpty() ? entry.getKey() : location + "." + entry.getKey();
                if (INTEGRATION_KEY.equals(entry.getKey()) && entry.getValue() instanceof Map<?, ?> integration
                        && integration.get("uri") instanceof String uri) {
                    ((Map<String, Object>) integration).put("uri", subOf(uri, childLocation, arns, document));
                    integrationsFound.add(childLocation);
                } else {
                    substitute(entry.getValue(), childLocation, arns, document, integrationsFound);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                substitute(list.get(i), location + "[" + i + "]", arns, document, integrationsFound);
            }
        }
    }

    /** Passes Fn::Sub only the variables the uri uses: CloudFormation linters flag unused ones. */
    private static String subOf(String uri, String location, Map<String, String> arns, Path document) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher placeholders = PLACEHOLDER.matcher(uri);
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (name.startsWith(PSEUDO_PARAMETER_PREFIX)) {
                continue;
            }
            String arn = arns.get(name);
            if (arn == null) {
                throw new InvalidOpenApiDocumentException(document + " at " + location + ": uri uses ${" + name
                        + "}, which the stack does not provide (it provides " + arns.keySet() + ")");
            }
            variables.put(name, arn);
        }
        return variables.isEmpty() ? Fn.sub(uri) : Fn.sub(uri, variables);
    }
}
