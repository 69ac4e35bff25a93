package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.store.Jdbc;
import com.flightwatch.platform.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What GetTopicAttributes shows and SetTopicAttributes changes. The settable ones are kept as a
 * JSON map in {@code sns_topics.attributes_json}; they are shown back but change no behaviour
 * locally (there is no access policy nor encryption here).
 */
final class TopicAttributes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final Set<String> SETTABLE = Set.of("DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId",
            "TracingConfig", "SignatureVersion", "ContentBasedDeduplication", "ArchivePolicy", "DataProtectionPolicy");
    private static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false}}";

    private final DataSource dataSource;

    TopicAttributes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    Map<String, String> get(String topicArn) {
        return Jdbc.withConnection(dataSource, "read topic attributes", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT t.attributes_json,"
                    + " (SELECT COUNT(*) FROM sns_subscriptions s WHERE s.topic_arn = t.topic_arn) AS subscriptions"
                    + " FROM sns_topics t WHERE t.topic_arn = ?")) {
                select.setString(1, topicArn);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new TopicNotFoundException("Topic does not exist");
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("TopicArn", topicArn);
                    attributes.put("Owner", AwsIds.ACCOUNT_ID);
                    attributes.put("DisplayName", "");
                    attributes.put("SubscriptionsConfirmed", Integer.toString(row.getInt("subscriptions")));
                    attributes.put("SubscriptionsPending", "0");
                    attributes.put("SubscriptionsDeleted", "0");
                    attributes.put("EffectiveDeliveryPolicy", EFFECTIVE_DELIVERY_POLICY);
                    attributes.putAll(read(row.getString("attributes_json")));
                    return attributes;
                }
            }
        });
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    void set(String topicArn, String name, String value) {
        if (name == null || !SETTABLE.contains(name)) {
            throw new InvalidParameterException("Invalid parameter: AttributeName");
        }
        Jdbc.inTransaction(dataSource, "set a topic attribute", connection -> {
            Map<String, String> attributes;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT attributes_json FROM sns_topics WHERE topic_arn = ? FOR UPDATE")) {
                select.setString(1, topicArn);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new TopicNotFoundException("Topic does not exist");
                    }
                    attributes = read(row.getString(1));
                }
            }
            if (value == null || value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sns_topics SET attributes_json = ? WHERE topic_arn = ?")) {
                update.setString(1, JSON.writeValueAsString(attributes));
                update.setString(2, topicArn);
                return update.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A map of strings always serializes", e);
            }
        });
    }

    private static Map<String, String> read(String json) {
        if (json == null) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("A topic has unreadable attributes: " + e.getOriginalMessage(), e);
        }
    }
}
