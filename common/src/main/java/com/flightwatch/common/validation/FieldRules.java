package com.flightwatch.common.validation;

import java.util.regex.Pattern;

/**
 * The constraints of openapi/flight-api.yaml, repeated here because a gateway may run without
 * request validators. Keep the two in step: FlightApiContractTest compares them.
 */
public final class FieldRules {

    public static final Pattern FLIGHT_NUMBER = Pattern.compile("^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$");
    public static final int FLIGHT_NUMBER_MAX = 7;
    public static final Pattern AIRPORT = Pattern.compile("^[A-Z]{3}$");
    public static final int AIRPORT_MAX = 3;
    public static final Pattern E164_PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    public static final int PHONE_MAX = 16;
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int EMAIL_MAX = 254;
    /** Names and reasons end up in an SMS: no control characters (no line breaks, no escapes). */
    public static final Pattern NO_CONTROL_CHARS = Pattern.compile("^[^\\u0000-\\u001F\\u007F]+$");
    public static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    /** RFC 3339 with seconds and an offset; stricter than java.time, which also takes 't' or no seconds. */
    public static final Pattern DATE_TIME = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$");
    public static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    public static final Pattern CURSOR = Pattern.compile("^[A-Za-z0-9_-]+$");
    public static final int NAME_MAX = 100;
    public static final int REASON_MAX = 200;
    public static final int DATE_MAX = 10;
    public static final int DATE_TIME_MAX = 35;
    public static final int PASSENGERS_MAX = 500;
    public static final int IDEMPOTENCY_KEY_MAX = 128;
    public static final int ID_MAX = 36;
    public static final int LIMIT_MIN = 1;
    public static final int LIMIT_MAX = 500;
    public static final int LIMIT_DEFAULT = 50;
    public static final int CURSOR_MAX = 200;

    private FieldRules() {
    }
}
