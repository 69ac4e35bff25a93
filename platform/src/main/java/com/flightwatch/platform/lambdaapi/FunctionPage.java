package com.flightwatch.platform.lambdaapi;

import java.util.List;

/** One page of {@code ListFunctions}; {@code nextMarker} is null on the last page. */
public record FunctionPage(List<ManagedFunction> functions, String nextMarker) {
}
