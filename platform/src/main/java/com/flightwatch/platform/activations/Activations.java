package com.flightwatch.platform.activations;

import java.nio.charset.StandardCharsets;

/** Caps on what an activation record keeps. */
public final class Activations {

    /** The most of a result or of logs that a record keeps, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    public static final String TRUNCATED_MARK = "[... truncated ...]\n";

    private Activations() {
    }

    /** @return the text if it fits, else its last {@link #MAX_TEXT_BYTES} bytes (what a reader wants most) after a mark */
    public static String capTail(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_TEXT_BYTES) {
            return text;
        }
        int keep = MAX_TEXT_BYTES - TRUNCATED_MARK.length();
        int from = bytes.length - keep;
        while (from < bytes.length && (bytes[from] & 0xC0) == 0x80) {
            from++; // never start in the middle of a character
        }
        return TRUNCATED_MARK + new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    /** @return the text if it fits, else its first {@link #MAX_TEXT_BYTES} bytes and a mark */
    public static String capHead(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_TEXT_BYTES) {
            return text;
        }
        int end = MAX_TEXT_BYTES - TRUNCATED_MARK.length() - 1; // and the line break before the mark
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + "\n" + TRUNCATED_MARK;
    }
}
