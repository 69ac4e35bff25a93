package com.flightwatch.platform.lambda;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one environment every function in this JVM reads through {@code System.getenv()}. Each
 * deployed function claims its variables; claims that disagree on a key are refused, and the
 * process's own variables are kept underneath. Child processes are not affected: only the map
 * {@code System.getenv()} reads is replaced, not the one {@code ProcessBuilder} copies.
 */
final class SharedEnvironment {

    static final SharedEnvironment JVM = new SharedEnvironment();

    private record Owner(Object invoker, String functionName) {
    }

    private final Map<String, String> inherited = Map.copyOf(System.getenv());
    private final Map<Owner, Map<String, String>> claims = new LinkedHashMap<>();

    private SharedEnvironment() {
    }

    /**
     * Adds (or replaces) a function's variables.
     *
     * @throws EnvironmentConflictException when another function holds a different value for one of them
     */
    synchronized void claim(Object invoker, String functionName, Map<String, String> variables) {
        Owner owner = new Owner(invoker, functionName);
        claims.forEach((other, held) -> {
            if (other.equals(owner)) {
                return;
            }
            variables.forEach((key, value) -> {
                if (held.containsKey(key) && !Objects.equals(held.get(key), value)) {
                    throw new EnvironmentConflictException(other.functionName(), functionName, key);
                }
            });
        });
        Map<String, String> previous = claims.put(owner, Map.copyOf(variables));
        try {
            publish();
        } catch (EnvironmentAccessException e) {
            if (previous == null) {
                claims.remove(owner);
            } else {
                claims.put(owner, previous);
            }
            throw e;
        }
    }

    synchronized void release(Object invoker, String functionName) {
        if (claims.remove(new Owner(invoker, functionName)) != null) {
            publish();
        }
    }

    private void publish() {
        Map<String, String> merged = new HashMap<>(inherited);
        claims.values().forEach(merged::putAll);
        if (!merged.equals(System.getenv())) {
            replaceJvmEnvironment(merged);
        }
    }

    /** {@code System.getenv()} is an unmodifiable view; swapping the map behind it is what changes what functions read. */
    private static void replaceJvmEnvironment(Map<String, String> variables) {
        Map<String, String> view = System.getenv();
        try {
            Field backing = view.getClass().getDeclaredField("m");
            backing.setAccessible(true);
            backing.set(view, new HashMap<>(variables));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new EnvironmentAccessException(e);
        }
    }
}
