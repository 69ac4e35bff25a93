package com.flightwatch.common.sms;

/**
 * Counting and tidying text for the GSM 03.38 alphabet, in which one SMS holds 160 characters.
 * Characters of the extension table take two. Typographic quotes and dashes are replaced by
 * their GSM look-alikes, because one non-GSM character would switch the whole message to UCS-2
 * and cut a segment to 70 characters.
 */
public final class GsmText {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private GsmText() {
    }

    /** Septets the text takes; a character outside the alphabet is counted as one. */
    public static int length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            length += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return length;
    }

    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Replaces common typographic characters by GSM ones and collapses runs of whitespace. */
    public static String tidy(String text) {
        StringBuilder tidy = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> tidy.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> tidy.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> tidy.append('-');
                case '\u2026' -> tidy.append("...");
                default -> tidy.append(Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c);
            }
        }
        return tidy.toString().replaceAll(" {2,}", " ").trim();
    }
}
