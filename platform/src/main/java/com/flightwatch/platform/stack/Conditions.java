package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the template's {@code Conditions}: {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And},
 * {@code Fn::Or} and {@code Condition}, over values the {@link Intrinsics} resolve.
 */
final class Conditions {

    private final Template template;
    private final Map<String, Boolean> evaluated = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    Conditions(Template template) {
        this.template = template;
    }

    boolean isTrue(String name, Intrinsics intrinsics, String where) {
        Boolean known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = template.condition(name);
        if (definition == null) {
            throw new StackException(where + ": the condition " + name + " is not defined in Conditions");
        }
        if (!evaluating.add(name)) {
            throw new StackException(where + ": the condition " + name + " refers to itself");
        }
        try {
            boolean value = evaluate(definition, intrinsics, "Condition " + name);
            evaluated.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    private boolean evaluate(JsonNode node, Intrinsics intrinsics, String where) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (!node.isObject() || node.size() != 1) {
            throw new StackException(where + ": cannot evaluate " + node + " as a condition");
        }
        String function = node.fieldNames().next();
        JsonNode argument = node.get(function);
        switch (function) {
            case "Condition":
                return isTrue(argument.asText(), intrinsics, where);
            case "Fn::Equals":
                JsonNode left = intrinsics.resolve(argument.path(0), where);
                JsonNode right = intrinsics.resolve(argument.path(1), where);
                return left.asText().equals(right.asText()) || left.equals(right);
            case "Fn::Not":
                return !evaluate(argument.path(0), intrinsics, where);
            case "Fn::And":
                for (JsonNode operand : argument) {
                    if (!evaluate(operand, intrinsics, where)) {
                        return false;
                    }
                }
                return true;
            case "Fn::Or":
                for (JsonNode operand : argument) {
                    if (evaluate(operand, intrinsics, where)) {
                        return true;
                    }
                }
                return false;
            default:
                throw new StackException(where + ": " + function + " is not a condition function");
        }
    }
}
