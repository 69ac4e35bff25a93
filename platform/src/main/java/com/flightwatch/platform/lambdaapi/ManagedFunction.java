package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.stack.FunctionSpec;
import java.time.Instant;
import java.util.List;

/**
 * A function as the Lambda API describes it: what the host runs ({@code spec}) plus what only the
 * API shows. Functions created through the API are stored in this shape; the stack's are described
 * in it on the fly.
 *
 * @param codeSha256 the SHA-256 of the code, base64, as Lambda's {@code CodeSha256}
 * @param codeSize   the code's size in bytes (0 for a directory of classes)
 */
public record ManagedFunction(
        FunctionSpec spec,
        String description,
        String role,
        List<String> architectures,
        String codeSha256,
        long codeSize,
        Instant lastModified) {

    public ManagedFunction {
        architectures = List.copyOf(architectures);
    }

    public String name() {
        return spec.name();
    }

    ManagedFunction withCode(FunctionSpec newSpec, StoredCode code, Instant now) {
        return new ManagedFunction(newSpec, description, role, architectures, code.sha256(), code.size(), now);
    }

    ManagedFunction withSpec(FunctionSpec newSpec, String newDescription, String newRole, Instant now) {
        return new ManagedFunction(newSpec, newDescription, newRole, architectures, codeSha256, codeSize, now);
    }
}
