package com.flightwatch.platform.sns;

import java.util.regex.Pattern;

/** E.164 phone numbers: what SNS accepts as a PhoneNumber, and how the platform shows one in its logs. */
public final class PhoneNumbers {

    /** A plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final int VISIBLE_DIGITS = 2;

    private PhoneNumbers() {
    }

    public static boolean isE164(String phoneNumber) {
        return phoneNumber != null && E164.matcher(phoneNumber).matches();
    }

    /** @throws InvalidParameterException unless {@code phoneNumber} is E.164 */
    public static String requireE164(String phoneNumber) {
        if (!isE164(phoneNumber)) {
            // The number itself stays out of the message: it may end up in logs.
            throw new InvalidParameterException(
                    "Invalid parameter: PhoneNumber Reason: the number is not in E.164 format (+ and up to 15 digits)");
        }
        return phoneNumber;
    }

    /** {@code +447700900123} becomes {@code +*********23}: enough to tell numbers apart in a log, no more. */
    public static String mask(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.length() <= VISIBLE_DIGITS + 1) {
            return "***";
        }
        int hidden = phoneNumber.length() - 1 - VISIBLE_DIGITS;
        return phoneNumber.charAt(0) + "*".repeat(hidden) + phoneNumber.substring(phoneNumber.length() - VISIBLE_DIGITS);
    }
}
