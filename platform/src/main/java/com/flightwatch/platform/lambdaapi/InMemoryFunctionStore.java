package com.flightwatch.platform.lambdaapi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link FunctionStore} that forgets everything when the platform stops: for tests. */
public final class InMemoryFunctionStore implements FunctionStore {

    private final Map<String, ManagedFunction> functions = new ConcurrentSkipListMap<>();

    @Override
    public List<ManagedFunction> all() {
        return List.copyOf(functions.values());
    }

    @Override
    public void save(ManagedFunction function) {
        functions.put(function.name(), function);
    }

    @Override
    public void delete(String functionName) {
        functions.remove(functionName);
    }
}
