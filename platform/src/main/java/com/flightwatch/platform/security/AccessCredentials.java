package com.flightwatch.platform.security;

import java.util.Objects;

/**
 * An access key id and its secret: what an SDK signs with and what the control plane checks
 * signatures against. {@link #toString()} never shows the secret, so the record is safe to log.
 */
public record AccessCredentials(String accessKeyId, String secretAccessKey) {

    public AccessCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("accessKeyId and secretAccessKey must not be blank");
        }
        if (accessKeyId.contains("/") || accessKeyId.contains(":")) {
            // Both separate fields: in a SigV4 credential scope and in HTTP Basic's id:secret.
            throw new IllegalArgumentException("accessKeyId must not contain '/' or ':'");
        }
    }

    @Override
    public String toString() {
        return "AccessCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
