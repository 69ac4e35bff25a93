package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SNS subscription filter policy: every key of the policy must match (AND), and a key matches
 * when any of its conditions matches any of the message's values there (OR); {@code $or} joins
 * sub-policies of which one must match. With scope
 * {@link FilterPolicyScope#MESSAGE_ATTRIBUTES} keys name message attributes; with
 * {@link FilterPolicyScope#MESSAGE_BODY} they are paths into the JSON body, nested as the body is.
 */
public final class FilterPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FilterPolicyScope scope;
    private final Map<String, Object> keys;

    private FilterPolicy(FilterPolicyScope scope, Map<String, Object> keys) {
        this.scope = scope;
        this.keys = keys;
    }

    /** @throws InvalidFilterPolicyException when {@code json} is not a policy SNS accepts for the scope */
    public static FilterPolicy parse(String json, FilterPolicyScope scope) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFilterPolicyException("failed to parse JSON. " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new InvalidFilterPolicyException("Filter policy must be a non-empty JSON object");
        }
        Map<String, Object> keys = readKeys(root, scope);
        FilterPolicyComplexity.check(keys);
        return new FilterPolicy(scope, keys);
    }

    /**
     * SNS's {@code "$or": [{...}, {...}]}: the message matches when any of the sub-policies matches
     * (together with the keys beside it). An {@code $or} that is not an array of two or more objects
     * is an ordinary key, as in SNS.
     */
    record Alternatives(List<Map<String, Object>> options) {

        static boolean isOr(String key, JsonNode value) {
            if (!"$or".equals(key) || !value.isArray() || value.size() < 2) {
                return false;
            }
            for (JsonNode option : value) {
                if (!option.isObject() || option.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    public FilterPolicyScope scope() {
        return scope;
    }

    /** Whether a message with these attributes and body goes to the subscription. */
    public boolean matches(Map<String, MessageAttribute> attributes, String body) {
        if (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES) {
            return attributesMatch(keys, attributes);
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return false; // A body policy never matches a body that is not JSON, as in SNS.
        }
        return message != null && message.isObject() && objectMatches(keys, message);
    }

    private static boolean objectMatches(Map<String, Object> policy, JsonNode object) {
        for (Map.Entry<String, Object> key : policy.entrySet()) {
            boolean matches = key.getValue() instanceof Alternatives alternatives
                    ? alternatives.options().stream().anyMatch(option -> objectMatches(option, object))
                    : keyMatches(key.getValue(), bodyValues(object.get(key.getKey())));
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static boolean attributesMatch(Map<String, Object> policy, Map<String, MessageAttribute> attributes) {
        for (Map.Entry<String, Object> key : policy.entrySet()) {
            boolean matches = key.getValue() instanceof Alternatives alternatives
                    ? alternatives.options().stream().anyMatch(option -> attributesMatch(option, attributes))
                    : keyMatches(key.getValue(), attributeValues(attributes.get(key.getKey())));
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean keyMatches(Object policy, List<JsonNode> values) {
        if (policy instanceof Map<?, ?> nested) {
            return values.stream().anyMatch(value -> value.isObject() && objectMatches((Map<String, Object>) nested, value));
        }
        List<FilterCondition> conditions = (List<FilterCondition>) policy;
        if (values.isEmpty()) {
            return conditions.stream().anyMatch(condition -> condition instanceof FilterCondition.Exists exists && !exists.present());
        }
        return conditions.stream().anyMatch(condition -> !(condition instanceof FilterCondition.Exists exists && !exists.present())
                && values.stream().anyMatch(condition::matches));
    }

    /** A String attribute is text, a Number attribute a number, a String.Array its elements; Binary never matches. */
    private static List<JsonNode> attributeValues(MessageAttribute attribute) {
        if (attribute == null || attribute.value() == null || attribute.type().startsWith("Binary")) {
            return List.of();
        }
        if (attribute.type().startsWith("Number")) {
            try {
                return List.of(DecimalNode.valueOf(new BigDecimal(attribute.value())));
            } catch (NumberFormatException e) {
                return List.of(TextNode.valueOf(attribute.value()));
            }
        }
        if (attribute.type().equals("String.Array")) {
            try {
                JsonNode array = JSON.readTree(attribute.value());
                if (array != null && array.isArray()) {
                    List<JsonNode> elements = new ArrayList<>();
                    array.forEach(elements::add);
                    return elements;
                }
            } catch (JsonProcessingException e) {
                // Not a JSON array: matched as the plain string it is.
            }
        }
        return List.of(TextNode.valueOf(attribute.value()));
    }

    /** An absent field has no values; an array field matches through any of its elements. */
    private static List<JsonNode> bodyValues(JsonNode field) {
        if (field == null || field.isMissingNode()) {
            return List.of();
        }
        if (field.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            field.forEach(elements::add);
            return elements;
        }
        return List.of(field);
    }

    private static Map<String, Object> readKeys(JsonNode object, FilterPolicyScope scope) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (Alternatives.isOr(field.getKey(), value)) {
                List<Map<String, Object>> options = new ArrayList<>();
                value.forEach(option -> options.add(readKeys(option, scope)));
                keys.put(field.getKey(), new Alternatives(options));
            } else if (value.isObject() && scope == FilterPolicyScope.MESSAGE_BODY) {
                if (value.isEmpty()) {
                    throw new InvalidFilterPolicyException("Key " + field.getKey() + " has an empty object");
                }
                keys.put(field.getKey(), readKeys(value, scope));
            } else if (value.isArray() && !value.isEmpty()) {
                keys.put(field.getKey(), FilterConditions.read(field.getKey(), value));
            } else {
                throw new InvalidFilterPolicyException("Match value of " + field.getKey() + " must be a non-empty array"
                        + (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES ? "; nested keys need FilterPolicyScope MessageBody" : ""));
            }
        }
        return keys;
    }
}
