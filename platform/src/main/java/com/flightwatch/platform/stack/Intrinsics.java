package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces CloudFormation intrinsic functions by their local values: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Join}, {@code Fn::Sub}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If},
 * {@code Fn::FindInMap}, {@code Fn::Base64} and {@code Fn::GetAZs}. {@code Ref: AWS::NoValue}
 * removes the property, as CloudFormation does.
 */
final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What {@code AWS::NoValue} resolves to: removed from the object or list that holds it. */
    static final JsonNode NO_VALUE = MissingNode.getInstance();

    private final Template template;
    private final PhysicalIds physicalIds;
    private final Conditions conditions;

    Intrinsics(Template template, PhysicalIds physicalIds) {
        this.template = template;
        this.physicalIds = physicalIds;
        this.conditions = new Conditions(template);
    }

    /**
     * The value with every intrinsic resolved.
     *
     * @param where names the resource and property, for error messages
     */
    JsonNode resolve(JsonNode value, String where) {
        if (value == null) {
            return NO_VALUE;
        }
        if (value.isObject()) {
            if (value.size() == 1) {
                String key = value.fieldNames().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, value.get(key), value, where);
                }
            }
            ObjectNode resolved = NODES.objectNode();
            value.properties().forEach(e -> {
                JsonNode v = resolve(e.getValue(), where);
                if (!v.isMissingNode()) {
                    resolved.set(e.getKey(), v);
                }
            });
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (JsonNode element : value) {
                JsonNode v = resolve(element, where);
                if (!v.isMissingNode()) {
                    resolved.add(v);
                }
            }
            return resolved;
        }
        return value;
    }

    /** The value resolved to a string; null when the property is absent. */
    String resolveText(JsonNode value, String where) {
        JsonNode resolved = resolve(value, where);
        if (resolved.isMissingNode() || resolved.isNull()) {
            return null;
        }
        return text(resolved, value, where);
    }

    boolean conditionIsTrue(String name, String where) {
        return conditions.isTrue(name, this, where);
    }

    private JsonNode function(String name, JsonNode argument, JsonNode call, String where) {
        switch (name) {
            case "Ref":
                return ref(argument.asText(), call, where);
            case "Fn::GetAtt":
                return getAtt(argument, call, where);
            case "Fn::Join":
                return join(argument, call, where);
            case "Fn::Sub":
                return TextNode.valueOf(sub(argument, call, where));
            case "Fn::Select":
                return select(argument, call, where);
            case "Fn::Split":
                return split(argument, call, where);
            case "Fn::If":
                String condition = argument.path(0).asText();
                return resolve(argument.path(conditionIsTrue(condition, where) ? 1 : 2), where);
            case "Fn::FindInMap":
                return findInMap(argument, call, where);
            case "Fn::Base64":
                String plain = text(resolve(argument, where), call, where);
                return TextNode.valueOf(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs":
                String region = template.region();
                return NODES.arrayNode().add(region + "a").add(region + "b").add(region + "c");
            default:
                throw unresolvable(call, where, name + " is not supported locally");
        }
    }

    private JsonNode ref(String name, JsonNode call, String where) {
        JsonNode pseudo = PseudoParameters.value(name, template, physicalIds);
        if (pseudo != null) {
            return pseudo;
        }
        JsonNode parameter = template.parameter(name);
        if (parameter != null) {
            return parameterValue(name, parameter, call, where);
        }
        JsonNode resource = template.resource(name);
        if (resource != null) {
            return TextNode.valueOf(physicalIds.ref(name, resource, this, where));
        }
        throw unresolvable(call, where, "no parameter, resource or pseudo parameter is named " + name);
    }

    private JsonNode parameterValue(String name, JsonNode parameter, JsonNode call, String where) {
        JsonNode defaultValue = parameter.get("Default");
        if (defaultValue == null) {
            throw unresolvable(call, where, "the parameter " + name
                    + " has no Default, and the platform does not take parameter values");
        }
        String type = parameter.path("Type").asText();
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode list = NODES.arrayNode();
            for (String item : defaultValue.asText().split(",", -1)) {
                list.add(item.trim());
            }
            return list;
        }
        return defaultValue;
    }

    private JsonNode getAtt(JsonNode argument, JsonNode call, String where) {
        String logicalId;
        String attribute;
        if (argument.isTextual()) {
            String[] parts = argument.asText().split("\\.", 2);
            if (parts.length != 2) {
                throw unresolvable(call, where, "expected LogicalId.Attribute");
            }
            logicalId = parts[0];
            attribute = parts[1];
        } else {
            logicalId = argument.path(0).asText();
            attribute = text(resolve(argument.path(1), where), call, where);
        }
        return getAtt(logicalId, attribute, call, where);
    }

    private JsonNode getAtt(String logicalId, String attribute, JsonNode call, String where) {
        JsonNode resource = template.resource(logicalId);
        if (resource == null) {
            throw unresolvable(call, where, "no resource is named " + logicalId);
        }
        String value = physicalIds.attribute(logicalId, resource, attribute, this, where);
        if (value == null) {
            throw unresolvable(call, where, "the attribute " + attribute + " of " + logicalId + " ("
                    + Template.type(resource) + ") has no local value");
        }
        return TextNode.valueOf(value);
    }

    private JsonNode join(JsonNode argument, JsonNode call, String where) {
        String delimiter = argument.path(0).asText();
        JsonNode items = resolve(argument.path(1), where);
        if (!items.isArray()) {
            throw unresolvable(call, where, "the second argument is not a list");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode item : items) {
            parts.add(text(item, call, where));
        }
        return TextNode.valueOf(String.join(delimiter, parts));
    }

    private JsonNode select(JsonNode argument, JsonNode call, String where) {
        String index = text(resolve(argument.path(0), where), call, where);
        JsonNode items = resolve(argument.path(1), where);
        int i;
        try {
            i = Integer.parseInt(index.trim());
        } catch (NumberFormatException e) {
            throw unresolvable(call, where, "the index " + index + " is not a number");
        }
        if (!items.isArray() || i < 0 || i >= items.size()) {
            throw unresolvable(call, where, "the index " + i + " is outside the list");
        }
        return items.get(i);
    }

    private JsonNode split(JsonNode argument, JsonNode call, String where) {
        String delimiter = argument.path(0).asText();
        String source = text(resolve(argument.path(1), where), call, where);
        ArrayNode parts = NODES.arrayNode();
        for (String part : source.split(Pattern.quote(delimiter), -1)) {
            parts.add(part);
        }
        return parts;
    }

    private JsonNode findInMap(JsonNode argument, JsonNode call, String where) {
        String map = text(resolve(argument.path(0), where), call, where);
        String top = text(resolve(argument.path(1), where), call, where);
        String second = text(resolve(argument.path(2), where), call, where);
        JsonNode value = template.mappings().path(map).path(top).path(second);
        if (value.isMissingNode()) {
            throw unresolvable(call, where, "Mappings has no " + map + "." + top + "." + second);
        }
        return value;
    }

    /** Both forms: a template string, or [template, {variable: value}]. */
    private String sub(JsonNode argument, JsonNode call, String where) {
        String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() ? argument.path(1) : NODES.objectNode();
        return SubTemplate.substitute(text, name -> subVariable(name, variables, call, where));
    }

    private String subVariable(String name, JsonNode variables, JsonNode call, String where) {
        if (variables.has(name)) {
            return text(resolve(variables.get(name), where), call, where);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return text(getAtt(name.substring(0, dot), name.substring(dot + 1), call, where), call, where);
        }
        return text(ref(name, call, where), call, where);
    }

    private String text(JsonNode value, JsonNode call, String where) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw unresolvable(call, where, "expected a string but got " + (value.isMissingNode() ? "AWS::NoValue" : value));
    }

    private static StackException unresolvable(JsonNode call, String where, String reason) {
        return new StackException(where + ": cannot resolve " + call + ": " + reason);
    }
}
