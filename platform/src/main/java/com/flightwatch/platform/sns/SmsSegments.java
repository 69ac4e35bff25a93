package com.flightwatch.platform.sns;

import java.util.ArrayList;
import java.util.List;

/**
 * How a carrier cuts a text into SMS, as SNS does: GSM-7 when every character is in the GSM 03.38
 * alphabet (160 septets in one SMS, 153 per part of a longer one, extension characters such as
 * {@code €} or {@code [} taking two), else UCS-2 (70 UTF-16 units, 67 per part). A part never ends
 * inside an extension character's escape or a surrogate pair.
 */
public final class SmsSegments {

    public enum Encoding { GSM7, UCS2 }

    public record Split(Encoding encoding, List<String> parts) {
        public Split {
            parts = List.copyOf(parts);
        }
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";
    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private SmsSegments() {
    }

    public static Split split(String text) {
        if (isGsm7(text)) {
            return new Split(Encoding.GSM7, cut(text, GSM_SINGLE, GSM_PART, true));
        }
        return new Split(Encoding.UCS2, cut(text, UCS2_SINGLE, UCS2_PART, false));
    }

    static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    private static List<String> cut(String text, int single, int perPart, boolean gsm) {
        if (size(text, 0, text.length(), gsm) <= single) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int used = 0;
            while (end < text.length()) {
                int step = !gsm && Character.isHighSurrogate(text.charAt(end)) && end + 1 < text.length() ? 2 : 1;
                int cost = gsm ? (GSM_EXTENSION.indexOf(text.charAt(end)) >= 0 ? 2 : 1) : step;
                if (used + cost > perPart) {
                    break;
                }
                used += cost;
                end += step;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    /** Septets (GSM-7) or UTF-16 units (UCS-2) of {@code text[from, to)}. */
    private static int size(String text, int from, int to, boolean gsm) {
        if (!gsm) {
            return to - from;
        }
        int septets = 0;
        for (int i = from; i < to; i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }
}
