package com.flightwatch.platform.sns;

import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The settable attributes of a subscription (FilterPolicy, FilterPolicyScope, RawMessageDelivery,
 * RedrivePolicy) in {@code sns_subscriptions}, checked as SNS checks them. A policy is always valid
 * for its scope: changing either re-reads the policy under the scope it will have.
 * A RedrivePolicy's target is recorded on each dead letter (see {@link DeadLetterStore}).
 */
final class SubscriptionAttributes {

    static final String FILTER_POLICY = "FilterPolicy";
    static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    static final String REDRIVE_POLICY = "RedrivePolicy";

    private final DataSource dataSource;

    SubscriptionAttributes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Checks each attribute on its own; a policy is checked under the scope given with it or the
     * default, since its subscription's scope is not known yet.
     * @throws InvalidParameterException when SNS would refuse one of them
     */
    static void validate(Map<String, String> attributes) {
        validate(attributes, true);
    }

    private static void validate(Map<String, String> attributes, boolean checkPolicy) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            switch (attribute.getKey()) {
                case FILTER_POLICY -> {
                    if (checkPolicy && !attribute.getValue().isEmpty()) {
                        FilterPolicy.parse(attribute.getValue(), FilterPolicyScope.of(attributes.get(FILTER_POLICY_SCOPE)));
                    }
                }
                case FILTER_POLICY_SCOPE -> FilterPolicyScope.of(attribute.getValue());
                case RAW_MESSAGE_DELIVERY -> rawMessageDelivery(attribute.getValue());
                case REDRIVE_POLICY -> redrivePolicy(attribute.getValue());
                default -> throw new InvalidParameterException("Invalid parameter: AttributeName");
            }
        }
    }

    /** @throws SubscriptionNotFoundException when there is no such subscription */
    Map<String, String> get(String subscriptionArn) {
        return Jdbc.withConnection(dataSource, "read subscription attributes", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT topic_arn, protocol, endpoint,"
                    + " filter_policy, filter_policy_scope, raw_message_delivery, redrive_policy, pending_confirmation"
                    + " FROM sns_subscriptions"
                    + " WHERE subscription_arn = ?")) {
                select.setString(1, subscriptionArn);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SubscriptionNotFoundException();
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("SubscriptionArn", subscriptionArn);
                    attributes.put("TopicArn", row.getString("topic_arn"));
                    attributes.put("Protocol", row.getString("protocol"));
                    attributes.put("Endpoint", row.getString("endpoint"));
                    attributes.put("Owner", AwsIds.ACCOUNT_ID);
                    boolean pending = row.getBoolean("pending_confirmation");
                    attributes.put("PendingConfirmation", Boolean.toString(pending));
                    attributes.put("ConfirmationWasAuthenticated", Boolean.toString(!pending));
                    attributes.put(RAW_MESSAGE_DELIVERY, Boolean.toString(row.getBoolean("raw_message_delivery")));
                    String policy = row.getString("filter_policy");
                    if (policy != null) {
                        attributes.put(FILTER_POLICY, policy);
                        attributes.put(FILTER_POLICY_SCOPE, FilterPolicyScope.of(row.getString("filter_policy_scope")).snsName());
                    }
                    if (row.getString("redrive_policy") != null) {
                        attributes.put(REDRIVE_POLICY, row.getString("redrive_policy"));
                    }
                    return attributes;
                }
            }
        });
    }

    /**
     * Sets the given attributes in one transaction; an empty FilterPolicy or RedrivePolicy removes it.
     * @throws SubscriptionNotFoundException when there is no such subscription
     */
    void set(String subscriptionArn, Map<String, String> attributes) {
        // The policy is checked below, under the scope the subscription will have.
        validate(attributes, false);
        Jdbc.inTransaction(dataSource, "set subscription attributes", connection -> {
            Current current = lock(connection, subscriptionArn);
            String policy = attributes.containsKey(FILTER_POLICY) ? emptyToNull(attributes.get(FILTER_POLICY)) : current.policy();
            String scope = attributes.containsKey(FILTER_POLICY_SCOPE) ? attributes.get(FILTER_POLICY_SCOPE) : current.scope();
            if (policy != null) {
                FilterPolicy.parse(policy, FilterPolicyScope.of(scope));
            }
            boolean raw = attributes.containsKey(RAW_MESSAGE_DELIVERY)
                    ? rawMessageDelivery(attributes.get(RAW_MESSAGE_DELIVERY)) : current.raw();
            String redrive = attributes.containsKey(REDRIVE_POLICY) ? emptyToNull(attributes.get(REDRIVE_POLICY)) : current.redrive();
            try (PreparedStatement update = connection.prepareStatement("UPDATE sns_subscriptions SET filter_policy = ?,"
                    + " filter_policy_scope = ?, raw_message_delivery = ?, redrive_policy = ? WHERE subscription_arn = ?")) {
                update.setString(1, policy);
                update.setString(2, scope);
                update.setBoolean(3, raw);
                update.setString(4, redrive);
                update.setString(5, subscriptionArn);
                return update.executeUpdate();
            }
        });
    }

    private record Current(String policy, String scope, boolean raw, String redrive) {
    }

    private static Current lock(Connection connection, String subscriptionArn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT filter_policy, filter_policy_scope,"
                + " raw_message_delivery, redrive_policy FROM sns_subscriptions WHERE subscription_arn = ? FOR UPDATE")) {
            select.setString(1, subscriptionArn);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SubscriptionNotFoundException();
                }
                return new Current(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4));
            }
        }
    }

    private static boolean rawMessageDelivery(String value) {
        String normalized = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (!normalized.equals("true") && !normalized.equals("false")) {
            throw new InvalidParameterException("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value ["
                    + value + "]. Must be true or false.");
        }
        return normalized.equals("true");
    }

    private static void redrivePolicy(String value) {
        if (!value.isEmpty()) {
            RedrivePolicies.validate(value);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
