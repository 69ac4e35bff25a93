package com.flightwatch.platform.sns;

/** What a filter policy looks at: the message attributes (SNS's default) or the JSON message body. */
public enum FilterPolicyScope {
    MESSAGE_ATTRIBUTES("MessageAttributes"),
    MESSAGE_BODY("MessageBody");

    private final String snsName;

    FilterPolicyScope(String snsName) {
        this.snsName = snsName;
    }

    /** The name SNS uses in the {@code FilterPolicyScope} attribute. */
    public String snsName() {
        return snsName;
    }

    /** @param snsName {@code MessageAttributes}, {@code MessageBody}, or null for the default */
    public static FilterPolicyScope of(String snsName) {
        if (snsName == null || snsName.isEmpty()) {
            return MESSAGE_ATTRIBUTES;
        }
        for (FilterPolicyScope scope : values()) {
            if (scope.snsName.equals(snsName)) {
                return scope;
            }
        }
        throw new InvalidParameterException("Invalid parameter: FilterPolicyScope: Invalid value [" + snsName
                + "]. Please use either MessageBody or MessageAttributes");
    }
}
