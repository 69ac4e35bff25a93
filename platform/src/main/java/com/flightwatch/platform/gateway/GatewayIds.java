package com.flightwatch.platform.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ids API Gateway generates (API, resource, key), derived from stable names so they stay the
 * same across restarts: lowercase letters and digits, as AWS's look.
 */
final class GatewayIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private GatewayIds() {
    }

    static String apiId(String apiLogicalId) {
        return id("api/" + apiLogicalId, 10);
    }

    static String resourceId(String resourcePath) {
        return id("resource/" + resourcePath, 6);
    }

    static String apiKeyId(ResolvedApiKey key) {
        return id("key/" + key.stackName() + "/" + key.logicalId(), 10);
    }

    private static String id(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
