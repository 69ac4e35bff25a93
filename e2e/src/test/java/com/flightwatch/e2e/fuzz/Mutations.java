package com.flightwatch.e2e.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One change to a valid request body, and what the answer must then say: a required property
 * removed, a property added, a value of the wrong type, a hostile or boundary-length string, or a
 * body broken as a whole (not JSON, too deep, invalid UTF-8).
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Escapes every non-ASCII character, so lone surrogates travel as {@code \ud800} rather than as '?'. */
    private static final ObjectMapper ASCII_JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    /**
     * @param field      the property the answer must name when refused; null for a body broken as a whole
     * @param mustRefuse true when the contract forbids the request (only a 4xx is right)
     */
    record Mutated(String description, byte[] body, JsonNode tree, String field, boolean mustRefuse) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return description + ": " + (text.length() > 300 ? text.substring(0, 300) + "…(" + body.length + " bytes)" : text);
        }
    }

    /** A place in the tree: the container, the property (or index) and the schema of its value. */
    @SuppressWarnings("rawtypes")
    private record Slot(JsonNode container, String property, int index, Schema schema, boolean required) {
        String field() {
            return property;
        }
    }

    private Mutations() {
    }

    /** As UTF-8, or now and then with every non-ASCII character escaped; a lone surrogate always escaped. */
    static byte[] write(JsonNode tree, Random random) {
        try {
            boolean loneSurrogate = JSON.writeValueAsString(tree).codePoints()
                    .anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE);
            return (loneSurrogate || random.nextInt(4) == 0 ? ASCII_JSON : JSON).writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("rawtypes")
    static Mutated mutate(ObjectNode valid, Schema schema, Random random) {
        ObjectNode tree = valid.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(tree, schema, slots);
        int kind = random.nextInt(10);
        if (kind == 0 || slots.isEmpty()) {
            byte[] broken = HostileValues.brokenBody(write(valid, random), random);
            return new Mutated("broken body", broken, null, null, true);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        return switch (kind) {
            case 1 -> remove(tree, slot, random);
            case 2 -> extraProperty(tree, slot, random);
            case 3, 4 -> replace(tree, slot, HostileValues.wrongType(get(slot), random), true, "wrong type", random);
            case 5 -> replace(tree, slot, new TextNode(boundary(slot.schema(), random)), true, "over its length", random);
            default -> slot.schema() != null && "string".equals(slot.schema().getType())
                    ? replace(tree, slot, new TextNode(HostileValues.stringFor(slot.schema(), random)), false,
                            "hostile string", random)
                    : replace(tree, slot, HostileValues.wrongType(get(slot), random), true, "wrong type", random);
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void collect(JsonNode node, Schema schema, List<Slot> slots) {
        if (schema == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.getProperties() != null) {
            Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
            Map<String, Schema> properties = schema.getProperties();
            object.fieldNames().forEachRemaining(name -> {
                Schema property = properties.get(name);
                slots.add(new Slot(object, name, -1, property, required.contains(name)));
                collect(object.get(name), property, slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), schema.getItems(), slots);
            }
        }
    }

    private static JsonNode get(Slot slot) {
        return slot.container().get(slot.property());
    }

    private static Mutated remove(ObjectNode tree, Slot slot, Random random) {
        ((ObjectNode) slot.container()).remove(slot.property());
        return new Mutated("without " + slot.property(), write(tree, random), tree, slot.field(), slot.required());
    }

    private static Mutated extraProperty(ObjectNode tree, Slot slot, Random random) {
        String name = List.of("extra", "__proto__", "constructor", "passengerId", "flightId", "$where", "isAdmin",
                "id; DROP TABLE flights").get(random.nextInt(8));
        ((ObjectNode) slot.container()).put(name, "x");
        return new Mutated("with extra property " + name, write(tree, random), tree, name, true);
    }

    private static Mutated replace(ObjectNode tree, Slot slot, JsonNode value, boolean mustRefuse, String why, Random random) {
        ((ObjectNode) slot.container()).set(slot.property(), value);
        return new Mutated(slot.property() + " " + why, write(tree, random), tree, slot.field(), mustRefuse);
    }

    /** Letters one past the maximum length (or the whole maximum when the schema has no limit: then a 2xx may be right). */
    @SuppressWarnings("rawtypes")
    private static String boundary(Schema schema, Random random) {
        Integer max = schema == null ? null : schema.getMaxLength();
        int length = max == null ? 1000 : max + 1;
        String unit = random.nextBoolean() ? "A" : "😀";
        return unit.repeat(length);
    }
}
