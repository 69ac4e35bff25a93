package com.flightwatch.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values that a JSON schema of the OpenAPI document accepts: objects with their required
 * properties and a random share of the optional ones, arrays within their bounds (kept short),
 * strings from their enum, format or pattern within their length, integers within their range.
 * Dates and date-times are real calendar values ({@link Dates}), so a schema-valid request is also
 * one the contract means to accept.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ARRAY_ITEMS = 3;
    private static final Map<String, Function<Random, String>> PATTERNS = new ConcurrentHashMap<>();
    private static final Function<Random, String> EMAIL_LOCAL =
            RegexStrings.matching("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}(\\.[A-Za-z0-9_-]{1,8})?");
    private static final Function<Random, String> EMAIL_DOMAIN =
            RegexStrings.matching("[a-z0-9]{1,10}(-[a-z0-9]{1,5})?\\.(com|org|net|io|de|fr|jp|info)");

    private SchemaValues() {
    }

    @SuppressWarnings("rawtypes")
    static JsonNode generate(Schema schema, Random random) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<?> values = schema.getEnum();
            return NODES.textNode(String.valueOf(values.get(random.nextInt(values.size()))));
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getProperties() != null ? "object" : "string";
        return switch (type) {
            case "object" -> object(schema, random);
            case "array" -> array(schema, random);
            case "integer" -> NODES.numberNode(integer(schema, random));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(string(schema, random));
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ObjectNode object(Schema schema, Random random) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        properties.forEach((name, property) -> {
            if (required.contains(name) || random.nextBoolean()) {
                object.set(name, generate(property, random));
            }
        });
        return object;
    }

    @SuppressWarnings("rawtypes")
    private static ArrayNode array(Schema schema, Random random) {
        int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
        int max = Math.min(schema.getMaxItems() == null ? MAX_ARRAY_ITEMS : schema.getMaxItems(), Math.max(min, MAX_ARRAY_ITEMS));
        ArrayNode array = NODES.arrayNode();
        int size = min + random.nextInt(max - min + 1);
        for (int i = 0; i < size; i++) {
            array.add(generate(schema.getItems(), random));
        }
        return array;
    }

    @SuppressWarnings("rawtypes")
    private static int integer(Schema schema, Random random) {
        BigDecimal minimum = schema.getMinimum();
        BigDecimal maximum = schema.getMaximum();
        int low = minimum == null ? 0 : minimum.intValue();
        int high = maximum == null ? low + 1000 : maximum.intValue();
        return low + random.nextInt(high - low + 1);
    }

    /**
     * An RFC 5321 mailbox, as the gateway's {@code format: email} wants it: dot-atoms of atext, a
     * domain of LDH labels under a top-level domain that exists (the validator knows IANA's list).
     */
    private static String email(Random random) {
        return EMAIL_LOCAL.apply(random) + "@" + EMAIL_DOMAIN.apply(random);
    }

    @SuppressWarnings("rawtypes")
    private static String string(Schema schema, Random random) {
        if ("date".equals(schema.getFormat())) {
            return Dates.validDate(random);
        }
        if ("date-time".equals(schema.getFormat())) {
            return Dates.validDateTime(random);
        }
        if ("email".equals(schema.getFormat())) {
            return email(random);
        }
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? 40 : schema.getMaxLength();
        if (schema.getPattern() != null) {
            Function<Random, String> generator = PATTERNS.computeIfAbsent(schema.getPattern(), RegexStrings::matching);
            for (int attempt = 0; attempt < 20; attempt++) {
                String value = generator.apply(random);
                int length = value.codePointCount(0, value.length());
                // Blank text matches "no control characters" but is no name: the contract's prose forbids it.
                if (length >= min && length <= max && !value.isBlank()) {
                    return value;
                }
            }
            throw new IllegalStateException("No value of pattern " + schema.getPattern() + " fits " + min + ".." + max);
        }
        int length = min + random.nextInt(Math.min(max, 40) - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
