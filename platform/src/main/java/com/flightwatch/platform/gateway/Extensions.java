package com.flightwatch.platform.gateway;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Typed reads of an OpenAPI object's {@code x-} extensions, which Swagger Parser keeps as plain maps and lists. */
final class Extensions {

    private final Map<String, Object> values;

    Extensions(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String string(String name, String defaultValue) {
        Object value = name == null ? null : values.get(name);
        return value == null ? defaultValue : String.valueOf(value);
    }

    /** The named object, or an empty map when it is absent or not an object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        Object value = name == null ? null : values.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    Set<String> lowerCaseStrings(String name) {
        Set<String> strings = new LinkedHashSet<>();
        if (values.get(name) instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item).toLowerCase(Locale.ROOT)));
        }
        return strings;
    }
}
