package com.flightwatch.platform.sns;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed filter policies by their stored text, so a fan-out does not parse the same JSON once per
 * message. Bounded crudely: a platform has few distinct policies, and clearing is always safe.
 */
final class FilterPolicies {

    private static final int MAX_CACHED = 1000;

    private record Key(String json, String scope) {
    }

    private final Map<Key, FilterPolicy> parsed = new ConcurrentHashMap<>();

    /** @param scope SNS's name of the scope, or null for the default */
    FilterPolicy get(String json, String scope) {
        if (parsed.size() > MAX_CACHED) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(new Key(json, scope), key -> FilterPolicy.parse(key.json(), FilterPolicyScope.of(key.scope())));
    }
}
