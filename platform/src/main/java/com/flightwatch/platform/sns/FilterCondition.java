package com.flightwatch.platform.sns;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One element of a filter policy's array: a value or an operator. A condition sees the message's
 * value as JSON (a text, a number, a boolean or null), so attributes and bodies match alike.
 * {@code exists} is the only condition about absence; {@link FilterPolicy} handles it.
 */
sealed interface FilterCondition {

    boolean matches(JsonNode value);

    /** A literal: strings match equal strings, numbers match numerically equal numbers. */
    record Exact(JsonNode expected) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            if (expected.isNumber() && value.isNumber()) {
                return expected.decimalValue().compareTo(value.decimalValue()) == 0;
            }
            return expected.equals(value);
        }
    }

    record Prefix(String prefix) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.textValue().startsWith(prefix);
        }
    }

    record Suffix(String suffix) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.textValue().endsWith(suffix);
        }
    }

    record EqualsIgnoreCase(String expected) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.textValue().equalsIgnoreCase(expected);
        }
    }

    /** {@code anything-but}: a present value that matches none of {@code excluded}. */
    record AnythingBut(List<FilterCondition> excluded) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            return excluded.stream().noneMatch(condition -> condition.matches(value));
        }
    }

    /** {@code numeric}: a number within every bound; a string is not a number here, as in SNS. */
    record Numeric(List<Bound> bounds) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            return value.isNumber() && bounds.stream().allMatch(bound -> bound.holds(value.decimalValue()));
        }
    }

    record Bound(String operator, BigDecimal limit) {
        boolean holds(BigDecimal number) {
            int comparison = number.compareTo(limit);
            return switch (operator) {
                case "=" -> comparison == 0;
                case "<" -> comparison < 0;
                case "<=" -> comparison <= 0;
                case ">" -> comparison > 0;
                case ">=" -> comparison >= 0;
                default -> throw new IllegalStateException("Operators are checked when the policy is read: " + operator);
            };
        }
    }

    /** {@code exists}: true matches any present value; false matches only absence. */
    record Exists(boolean present) implements FilterCondition {
        @Override
        public boolean matches(JsonNode value) {
            return present;
        }
    }
}
