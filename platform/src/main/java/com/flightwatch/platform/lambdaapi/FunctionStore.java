package com.flightwatch.platform.lambdaapi;

import java.util.List;

/**
 * Where the configuration of functions created through the Lambda API lives, so that they come back
 * after a restart. The stack's functions are never stored: the template is their source of truth.
 */
public interface FunctionStore {

    List<ManagedFunction> all();

    /** Inserts or replaces the function of that name. */
    void save(ManagedFunction function);

    void delete(String functionName);
}
