package com.flightwatch.platform.sns;

/**
 * One message attribute, in the shape a subscriber sees it: {@code type} is the SNS data type
 * ({@code String}, {@code Number}, {@code Binary}, {@code String.Array}, optionally with a custom
 * suffix) and {@code value} the string value, or the base64 of a binary value.
 */
public record MessageAttribute(String type, String value) {

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value);
    }
}
