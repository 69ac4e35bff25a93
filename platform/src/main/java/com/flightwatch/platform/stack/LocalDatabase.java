package com.flightwatch.platform.stack;

/**
 * What {@code Fn::GetAtt} of an {@code AWS::RDS::DBInstance}'s endpoint resolves to. The stack is
 * read before the database starts, so the template gets placeholders that the platform replaces
 * with the real host and port when it gives each function its environment.
 */
public final class LocalDatabase {

    public static final String HOST_PLACEHOLDER = "${platform:database.host}";
    public static final String PORT_PLACEHOLDER = "${platform:database.port}";

    private LocalDatabase() {
    }

    /** The value with both placeholders replaced. */
    public static String substitute(String value, String host, String port) {
        return value.replace(HOST_PLACEHOLDER, host).replace(PORT_PLACEHOLDER, port);
    }
}
