package com.flightwatch.platform.gateway;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds an API key by the value a client sent in {@code x-api-key}. The gateway calls it off the
 * event loop, so an implementation may block (a database query).
 */
public interface ApiKeyLookup {

    Optional<ResolvedApiKey> findByValue(String value);

    /** A fixed set of keys, e.g. those {@link ApiKeys#ensure} returned. */
    static ApiKeyLookup of(Collection<ResolvedApiKey> keys) {
        Map<String, ResolvedApiKey> byValue = keys.stream()
                .collect(Collectors.toUnmodifiableMap(ResolvedApiKey::value, Function.identity(), (a, b) -> a));
        return value -> Optional.ofNullable(byValue.get(value));
    }
}
