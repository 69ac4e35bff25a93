package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudFormation template as read from the cloud assembly, with the stack's name and the region
 * that pseudo parameters and ARNs resolve to.
 */
final class Template {

    private final String stackName;
    private final String region;
    private final JsonNode root;

    Template(String stackName, String region, JsonNode root) {
        this.stackName = stackName;
        this.region = region;
        this.root = root;
    }

    String stackName() {
        return stackName;
    }

    String region() {
        return region;
    }

    /** Resources by logical id, in template order. */
    Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(e -> resources.put(e.getKey(), e.getValue()));
        return resources;
    }

    /** The resource of that logical id, or null. */
    JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").get(logicalId);
        return resource == null || resource.isNull() ? null : resource;
    }

    static String type(JsonNode resource) {
        return resource.path("Type").asText();
    }

    JsonNode parameter(String name) {
        return root.path("Parameters").get(name);
    }

    JsonNode condition(String name) {
        return root.path("Conditions").get(name);
    }

    JsonNode mappings() {
        return root.path("Mappings");
    }
}
