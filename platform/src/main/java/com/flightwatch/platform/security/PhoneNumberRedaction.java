package com.flightwatch.platform.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like an E.164 phone number ({@code +} and 7 to 15 digits) in free text, the way
 * Flightwatch's {@code Phones.mask} does: {@code +14155550100} becomes {@code +1415*****00}. The
 * platform cannot know what a function's result or logs mean, so activation records keep no whole
 * number of this shape, whoever wrote it.
 */
public final class PhoneNumberRedaction {

    private static final Pattern E164 = Pattern.compile("(?<![\\w+])\\+[1-9]\\d{6,14}(?!\\d)");
    private static final int KEEP_START = 5;
    private static final int KEEP_END = 2;

    private PhoneNumberRedaction() {
    }

    /** @return {@code text} with every E.164-shaped number masked; null stays null */
    public static String mask(String text) {
        if (text == null || text.indexOf('+') < 0) {
            return text;
        }
        Matcher matcher = E164.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            String number = matcher.group();
            matcher.appendReplacement(masked, Matcher.quoteReplacement(number.substring(0, KEEP_START)
                    + "*".repeat(number.length() - KEEP_START - KEEP_END) + number.substring(number.length() - KEEP_END)));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
