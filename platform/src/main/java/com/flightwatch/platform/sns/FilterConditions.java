package com.flightwatch.platform.sns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the conditions of one policy key, refusing what SNS refuses. */
final class FilterConditions {

    private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

    private FilterConditions() {
    }

    static List<FilterCondition> read(String key, JsonNode array) {
        List<FilterCondition> conditions = new ArrayList<>();
        for (JsonNode element : array) {
            conditions.add(element.isObject() ? operator(key, element) : literal(key, element));
        }
        return conditions;
    }

    private static FilterCondition literal(String key, JsonNode element) {
        if (element.isTextual() || element.isNumber() || element.isBoolean() || element.isNull()) {
            return new FilterCondition.Exact(element);
        }
        throw invalid(key, "match values must be strings, numbers, booleans, null or operators, not " + element);
    }

    private static FilterCondition operator(String key, JsonNode element) {
        if (element.size() != 1) {
            throw invalid(key, "an operator object must have exactly one operator: " + element);
        }
        Map.Entry<String, JsonNode> operator = element.fields().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> new FilterCondition.Prefix(text(key, "prefix", operand));
            case "suffix" -> new FilterCondition.Suffix(text(key, "suffix", operand));
            case "equals-ignore-case" -> new FilterCondition.EqualsIgnoreCase(text(key, "equals-ignore-case", operand));
            case "anything-but" -> anythingBut(key, operand);
            case "numeric" -> numeric(key, operand);
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw invalid(key, "exists match pattern must be either true or false.");
                }
                yield new FilterCondition.Exists(operand.booleanValue());
            }
            default -> throw invalid(key, "Unrecognized match type " + operator.getKey());
        };
    }

    private static FilterCondition anythingBut(String key, JsonNode operand) {
        if (operand.isTextual() || operand.isNumber()) {
            return new FilterCondition.AnythingBut(List.of(new FilterCondition.Exact(operand)));
        }
        if (operand.isArray() && !operand.isEmpty()) {
            List<FilterCondition> excluded = new ArrayList<>();
            for (JsonNode value : operand) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw invalid(key, "Inside anything but list, start|null|boolean is not supported.");
                }
                excluded.add(new FilterCondition.Exact(value));
            }
            return new FilterCondition.AnythingBut(excluded);
        }
        if (operand.isObject() && operand.size() == 1 && operand.has("prefix")) {
            return new FilterCondition.AnythingBut(List.of(new FilterCondition.Prefix(text(key, "prefix", operand.get("prefix")))));
        }
        if (operand.isObject() && operand.size() == 1 && operand.has("suffix")) {
            return new FilterCondition.AnythingBut(List.of(new FilterCondition.Suffix(text(key, "suffix", operand.get("suffix")))));
        }
        throw invalid(key, "anything-but takes a string, a number, a list of them, or a prefix or suffix: " + operand);
    }

    /** {@code [">", 0, "<=", 5]}: one or two (operator, number) pairs. */
    private static FilterCondition numeric(String key, JsonNode operand) {
        if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0 || operand.size() > 4) {
            throw invalid(key, "Value of numeric must be an array of one or two operator and number pairs.");
        }
        List<FilterCondition.Bound> bounds = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode operator = operand.get(i);
            JsonNode limit = operand.get(i + 1);
            if (!operator.isTextual() || !NUMERIC_OPERATORS.contains(operator.textValue())) {
                throw invalid(key, "Unrecognized numeric range operator: " + operator);
            }
            if (!limit.isNumber()) {
                throw invalid(key, "Value of " + operator.textValue() + " must be numeric");
            }
            bounds.add(new FilterCondition.Bound(operator.textValue(), limit.decimalValue()));
        }
        if (bounds.size() == 2 && !(bounds.get(0).operator().startsWith(">") && bounds.get(1).operator().startsWith("<"))) {
            throw invalid(key, "Bad numeric range: a range is a lower bound (> or >=) then an upper bound (< or <=)");
        }
        return new FilterCondition.Numeric(bounds);
    }

    private static String text(String key, String operator, JsonNode operand) {
        if (!operand.isTextual()) {
            throw invalid(key, operator + " match pattern must be a string");
        }
        return operand.textValue();
    }

    private static InvalidFilterPolicyException invalid(String key, String reason) {
        return new InvalidFilterPolicyException(key + ": " + reason);
    }
}
