package com.flightwatch.platform.gateway;

import java.security.SecureRandom;

/** New API key values: 40 random letters and digits, as API Gateway generates them. */
final class ApiKeyValues {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyValues() {
    }

    static String generate() {
        StringBuilder value = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
