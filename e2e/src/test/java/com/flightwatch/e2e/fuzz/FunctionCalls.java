package com.flightwatch.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Calls of Lambda's function API — Get, GetConfiguration, Delete, UpdateConfiguration of functions
 * that are malformed or do not exist, List with odd pages, Create with broken requests — each with
 * the answer Lambda gives. Never a function that exists: the invoke property needs it.
 *
 * @param expectedTypes the {@code x-amzn-ErrorType}s of which Lambda answers one; empty when valid
 */
record FunctionCalls(String description, String method, String path, byte[] body, int expectedStatus,
                     List<String> expectedTypes) {

    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final List<String> VALIDATION = List.of("ValidationException");
    /** Lambda answers a malformed create with either, depending on the field (the platform uses the second). */
    private static final List<String> BAD_CREATE = List.of("ValidationException", "InvalidParameterValueException");
    private static final List<String> BAD_NAMES = List.of("has%20space", "dollar%24", "%C3%A9", "a".repeat(171), "name%3A",
            "%27%3B%20DROP%20TABLE%20platform_functions%3B", "%00", "a%0Ab", "name%3A1%3A2");
    private static final String VALID_ZIP = Base64.getEncoder().encodeToString(new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        return description + " -> " + method + " " + path + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    static FunctionCalls generate(Random random) {
        boolean badName = random.nextBoolean();
        String name = badName ? BAD_NAMES.get(random.nextInt(BAD_NAMES.size())) : "fuzz-missing-" + random.nextInt(1000);
        int status = badName ? 400 : 404;
        List<String> types = badName ? VALIDATION : List.of("ResourceNotFoundException");
        String what = badName ? "malformed name " : "unknown function ";
        return switch (random.nextInt(7)) {
            case 0 -> new FunctionCalls(what + "get", "GET", FUNCTIONS + "/" + name, new byte[0], status, types);
            case 1 -> new FunctionCalls(what + "get configuration", "GET", FUNCTIONS + "/" + name + "/configuration",
                    new byte[0], status, types);
            case 2 -> new FunctionCalls(what + "delete", "DELETE", FUNCTIONS + "/" + name, new byte[0], status, types);
            case 3 -> new FunctionCalls(what + "update configuration", "PUT", FUNCTIONS + "/" + name + "/configuration",
                    bytes("{\"Timeout\": 5}"), status, types);
            case 4 -> list(random);
            default -> create(random);
        };
    }

    private static FunctionCalls list(Random random) {
        String maxItems = List.of("0", "-1", "10001", "abc", "1e3", "", "%00", "99999999999").get(random.nextInt(8));
        if (random.nextBoolean()) {
            String hostile = HostileValues.string(random);
            // Within the HTTP layer's 4 KB request line: past it the answer is a bare 414, not Lambda's.
            String marker = URLEncoder.encode(hostile.substring(0, Math.min(hostile.length(), 500)), StandardCharsets.UTF_8);
            return new FunctionCalls("list from a marker never given", "GET", FUNCTIONS + "/?Marker=" + marker, new byte[0], 200,
                    List.of());
        }
        return new FunctionCalls("list with MaxItems " + maxItems, "GET", FUNCTIONS + "/?MaxItems=" + maxItems, new byte[0], 400,
                BAD_CREATE);
    }

    private static FunctionCalls create(Random random) {
        String valid = "{\"FunctionName\": \"fuzz-new\", \"Runtime\": \"java21\", \"Role\": \"arn:aws:iam::123456789012:role/r\","
                + " \"Handler\": \"example.Handler::handleRequest\", \"Code\": {\"ZipFile\": \"" + VALID_ZIP + "\"}}";
        String broken = switch (random.nextInt(14)) {
            case 0 -> "not json";
            case 1 -> "";
            case 2 -> "[]";
            case 3 -> valid.replace("\"fuzz-new\"", "\"has space\"");
            case 4 -> valid.replace("\"fuzz-new\"", "5");
            case 5 -> valid.replace("\"java21\"", "\"python3.12\"");
            case 6 -> valid.replace("\"java21\"", "null");
            case 7 -> valid.replace("\"example.Handler::handleRequest\"", "\"\"");
            case 8 -> valid.replace(VALID_ZIP, "not base64!");
            case 9 -> valid.replace("{\"ZipFile\": \"" + VALID_ZIP + "\"}", "\"x\"");
            case 10 -> valid.replace("}}", "}, \"MemorySize\": " + List.of("127", "10241", "\"abc\"", "1e10", "-1")
                    .get(random.nextInt(5)) + "}");
            case 11 -> valid.replace("}}", "}, \"Timeout\": " + List.of("0", "901", "\"x\"", "3.5").get(random.nextInt(4)) + "}");
            case 12 -> valid.replace("}}", "}, \"Environment\": {\"Variables\": {\"AWS_REGION\": \"x\"}}}");
            default -> valid.replace("}}", "}, \"Environment\": " + List.of("[]", "{\"Variables\": []}", "{\"Variables\": {\"A\": 5}}")
                    .get(random.nextInt(3)) + "}");
        };
        return new FunctionCalls("broken create", "POST", FUNCTIONS, bytes(broken), 400, BAD_CREATE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
