package com.flightwatch.platform.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What the console must never show in full: API keys, and environment values that look like secrets. */
final class Masking {

    static final String HIDDEN = "****";
    /** Enough of a key to tell two apart in a list, never enough to use one. */
    private static final int KEY_PREFIX = 4;
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY$|^KEY$).*");

    private Masking() {
    }

    /** {@code abcd****}; null when the value is unknown (the store keeps only a hash of it). */
    static String apiKey(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= KEY_PREFIX * 2 ? HIDDEN : value.substring(0, KEY_PREFIX) + HIDDEN;
    }

    /** The environment sorted by name, with the values of secret-looking names hidden. */
    static Map<String, String> environment(Map<String, String> variables) {
        Map<String, String> shown = new LinkedHashMap<>();
        new TreeMap<>(variables).forEach((name, value) -> shown.put(name, SECRET_NAME.matcher(name).matches() ? HIDDEN : value));
        return shown;
    }
}
