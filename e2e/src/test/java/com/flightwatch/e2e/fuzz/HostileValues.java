package com.flightwatch.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** What a hostile or careless client sends: injections, odd phone numbers, wrong types, odd bytes, odd shapes. */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** SQL, template (Mustache, Velocity, JS/EL), markup and path injections, and text that is odd in other ways. */
    static final List<String> STRINGS = List.of(
            "'; DROP TABLE flights; --", "' OR '1'='1", "\" OR \"\"=\"", "1; SELECT SLEEP(10)", "UA1' UNION SELECT 1--",
            "Robert'); DROP TABLE passengers;--", "\\'", "\\", "%", "_", "%' --",
            "{{", "}}", "{{name}}", "{{#flight}}{{/flight}}", "{{{body}}}", "{{> partial}}", "{{=<% %>=}}",
            "${", "${jndi:ldap://127.0.0.1/a}", "${7*7}", "#{7*7}", "#set($x = 7)", "$context.error.message", "#foreach",
            "<script>alert(1)</script>", "]]><x>", "&amp;", "../../etc/passwd", "%00", "%ZZ", "\u0000", "a\u0000b",
            "line\nbreak", "tab\there", "\r\n", "\u007f", "\u2028", "\u202e", "\ufeff", "\u200b", "😀", "🇺🇸",
            "e\u0301", "中文名字", "Łódź", "ß", "Ω", "\ud800", "\udc00x", "a\ud83d", " ", "   ", "", "null", "true", "0", "-1",
            "1e309", "NaN", "[]", "{}", "A".repeat(101), "é".repeat(101), "😀".repeat(100), "😀".repeat(101),
            "x".repeat(10_000));

    /** E.164 look-alikes: too long, too short, letters, unicode digits, spaces, 00 instead of +, and valid edge cases. */
    static final List<String> PHONES = List.of(
            "+14155550100", "+1234567", "+123456789012345", "+1234567890123456", "+123456", "+0123456789", "14155550100",
            "0014155550100", "+1 415 555 0100", "+1-415-555-0100", "+1(415)5550100", "+1415555O100", "+1415555010a",
            "+١٤١٥٥٥٥٠١٠٠", "+１４１５５５５０１００", "++14155550100", "+", "", " +14155550100", "+14155550100\n",
            "+14155550100 ", "tel:+14155550100", "+44 (0) 20 7183 8750", "+" + "9".repeat(15), "+" + "9".repeat(40));

    private HostileValues() {
    }

    static String string(Random random) {
        List<String> pool = random.nextInt(4) == 0 ? PHONES : random.nextInt(3) == 0 ? Dates.ODD : STRINGS;
        return pool.get(random.nextInt(pool.size()));
    }

    /** Mostly the odd values of the field's own kind (dates for a date, phone numbers for a phone), else any. */
    @SuppressWarnings("rawtypes")
    static String stringFor(Schema schema, Random random) {
        boolean own = random.nextInt(10) < 7;
        if (own && schema != null && schema.getFormat() != null && schema.getFormat().startsWith("date")) {
            return Dates.ODD.get(random.nextInt(Dates.ODD.size()));
        }
        if (own && schema != null && schema.getPattern() != null && schema.getPattern().startsWith("^\\+")) {
            return PHONES.get(random.nextInt(PHONES.size()));
        }
        return string(random);
    }

    /** A value of another JSON type than {@code original}'s. */
    static JsonNode wrongType(JsonNode original, Random random) {
        List<JsonNode> others = List.of(NODES.numberNode(random.nextInt()), NODES.numberNode(1.5e300),
                NODES.booleanNode(random.nextBoolean()), NODES.nullNode(), NODES.objectNode().put("value", "x"),
                NODES.arrayNode().add("x"), NODES.textNode("x"), NODES.arrayNode(), NODES.objectNode());
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonNode other = others.get(random.nextInt(others.size()));
            if (other.getNodeType() != original.getNodeType()) {
                return other;
            }
        }
        return NODES.nullNode();
    }

    /** Bodies that are broken as a whole: not JSON, not an object, too deep, too long, or not UTF-8. */
    static byte[] brokenBody(byte[] valid, Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> bytes("null");
            case 2 -> bytes("[]");
            case 3 -> bytes("\"" + "x".repeat(100) + "\"");
            case 4 -> bytes("[".repeat(1 + random.nextInt(200_000)));
            case 5 -> bytes("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
            case 6 -> bytes("{\"flightNumber\": " + "1".repeat(100_000) + "}");
            case 7 -> java.util.Arrays.copyOf(valid, random.nextInt(Math.max(1, valid.length)));
            case 8 -> withInvalidUtf8(valid, random);
            case 9 -> bytes("{\"flightNumber\":\"UA1\",\"flightNumber\":\"UA2\"}");
            case 10 -> bytes(new String(valid, StandardCharsets.UTF_8) + " trailing");
            default -> bytes("{\"passengers\": [" + "{\"firstName\":\"" + "x".repeat(1000) + "\"},".repeat(2000) + "{}]}");
        };
    }

    /** The body with invalid UTF-8 (a lone continuation byte, an overlong form, an encoded surrogate, 0xFF) inside a string. */
    static byte[] withInvalidUtf8(byte[] valid, Random random) {
        byte[][] invalid = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[] bad = invalid[random.nextInt(invalid.length)];
        int quote = indexOfQuoteAfter(valid, random.nextInt(Math.max(1, valid.length)));
        byte[] out = new byte[valid.length + bad.length];
        System.arraycopy(valid, 0, out, 0, quote + 1);
        System.arraycopy(bad, 0, out, quote + 1, bad.length);
        System.arraycopy(valid, quote + 1, out, quote + 1 + bad.length, valid.length - quote - 1);
        return out;
    }

    private static int indexOfQuoteAfter(byte[] json, int from) {
        for (int i = from; i < json.length; i++) {
            if (json[i] == '"') {
                return i;
            }
        }
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                return i;
            }
        }
        return 0;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
