package com.flightwatch.platform.lambdaapi;

import java.util.List;
import java.util.Map;

/** A validated {@code CreateFunction} request; {@code zip} is the decoded {@code Code.ZipFile}. */
public record NewFunction(
        String name,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        String description,
        String role,
        List<String> architectures,
        byte[] zip) {
}
