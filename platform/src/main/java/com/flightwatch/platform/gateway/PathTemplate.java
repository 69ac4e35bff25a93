package com.flightwatch.platform.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource path of the API such as {@code /flights/{flightId}} or {@code /files/{proxy+}}: a
 * literal segment matches itself, {@code {name}} one non-empty segment, {@code {name+}} (greedy,
 * last only) one or more.
 */
final class PathTemplate {

    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    private final String template;
    private final List<Segment> segments;

    PathTemplate(String template) {
        this.template = template;
        this.segments = new ArrayList<>();
        for (String part : split(template)) {
            if (part.startsWith("{") && part.endsWith("+}")) {
                segments.add(new Segment(Kind.GREEDY, part.substring(1, part.length() - 2)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Segment(Kind.PARAMETER, part.substring(1, part.length() - 1)));
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
    }

    String template() {
        return template;
    }

    /** The path parameters when the (decoded) path matches, else null. */
    Map<String, String> match(String path) {
        List<String> parts = split(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind() == Kind.GREEDY) {
                if (i >= parts.size()) {
                    return null;
                }
                parameters.put(segment.text(), String.join("/", parts.subList(i, parts.size())));
                return parameters;
            }
            if (i >= parts.size()) {
                return null;
            }
            String part = parts.get(i);
            if (segment.kind() == Kind.LITERAL && !segment.text().equals(part)) {
                return null;
            }
            if (segment.kind() == Kind.PARAMETER) {
                parameters.put(segment.text(), part);
            }
        }
        return parts.size() == segments.size() ? parameters : null;
    }

    /**
     * Orders templates that match the same path as API Gateway prefers them: at the first segment
     * where they differ, a literal beats a parameter, which beats a greedy parameter.
     */
    static int moreSpecificFirst(PathTemplate a, PathTemplate b) {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            int difference = a.segments.get(i).kind().compareTo(b.segments.get(i).kind());
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
