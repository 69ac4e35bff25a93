package com.flightwatch.common.sms;

/** The one place phone numbers are masked, for API answers and for logs alike. */
public final class Phones {

    private static final int KEEP_START = 5;
    private static final int KEEP_END = 2;

    private Phones() {
    }

    /** {@code +14155550100} becomes {@code +1415*****00}; too-short values are masked whole. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= KEEP_START + KEEP_END) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, KEEP_START)
                + "*".repeat(phone.length() - KEEP_START - KEEP_END)
                + phone.substring(phone.length() - KEEP_END);
    }
}
