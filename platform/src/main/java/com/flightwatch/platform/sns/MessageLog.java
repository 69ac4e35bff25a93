package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.store.Jdbc;
import com.flightwatch.platform.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where published messages go: a topic message is stored with one delivery per subscription in a
 * single transaction, so that once Publish has answered no subscriber can miss it (subscriptions still
 * waiting for their endpoint's confirmation get none, as in SNS); a phone message
 * goes to {@code sms_outbox}, the local carrier.
 */
final class MessageLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, MessageAttribute>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> PARTS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final FilterPolicies policies = new FilterPolicies();

    MessageLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return the number of deliveries queued, one per subscription of the topic
     * @throws TopicNotFoundException when the topic does not exist
     */
    int storeForTopic(StoredMessage message) {
        return Jdbc.inTransaction(dataSource, "store a message for " + message.topicArn(), connection -> {
            if (!TopicStore.topicExists(connection, message.topicArn())) {
                throw new TopicNotFoundException("Topic does not exist");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sns_messages"
                    + " (message_id, topic_arn, subject, message, attributes_json, published_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, message.messageId());
                insert.setString(2, message.topicArn());
                insert.setString(3, message.subject());
                insert.setString(4, message.message());
                insert.setString(5, toJson(message.attributes()));
                Jdbc.setInstant(insert, 6, message.publishedAt());
                insert.executeUpdate();
            }
            int queued;
            try (PreparedStatement fanOut = connection.prepareStatement("INSERT INTO sns_deliveries"
                    + " (message_id, subscription_arn, protocol, endpoint, state, attempt, due_at)"
                    + " SELECT ?, subscription_arn, protocol, endpoint, 'PENDING', 0, ? FROM sns_subscriptions"
                    + " WHERE topic_arn = ? AND filter_policy IS NULL AND pending_confirmation = FALSE")) {
                fanOut.setString(1, message.messageId());
                Jdbc.setInstant(fanOut, 2, message.publishedAt());
                fanOut.setString(3, message.topicArn());
                queued = fanOut.executeUpdate();
            }
            return queued + queueFiltered(connection, message);
        });
    }

    /** Subscriptions with a filter policy get a delivery only when the policy matches, as SNS decides at publish. */
    private int queueFiltered(Connection connection, StoredMessage message) throws SQLException {
        List<String[]> matching = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT subscription_arn, protocol, endpoint,"
                + " filter_policy, filter_policy_scope FROM sns_subscriptions WHERE topic_arn = ? AND filter_policy IS NOT NULL"
                + " AND pending_confirmation = FALSE")) {
            select.setString(1, message.topicArn());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    FilterPolicy policy = policies.get(rows.getString("filter_policy"), rows.getString("filter_policy_scope"));
                    if (policy.matches(message.attributes(), message.message())) {
                        matching.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
            }
        }
        if (matching.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sns_deliveries"
                + " (message_id, subscription_arn, protocol, endpoint, state, attempt, due_at)"
                + " VALUES (?, ?, ?, ?, 'PENDING', 0, ?)")) {
            for (String[] subscription : matching) {
                insert.setString(1, message.messageId());
                insert.setString(2, subscription[0]);
                insert.setString(3, subscription[1]);
                insert.setString(4, subscription[2]);
                Jdbc.setInstant(insert, 5, message.publishedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return matching.size();
    }

    void storeSms(SmsMessage sms) {
        Jdbc.withConnection(dataSource, "store an SMS", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_outbox"
                    + " (message_id, phone_number, message, sender_id, sms_type, sent_at, encoding, parts_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, sms.messageId());
                insert.setString(2, sms.phoneNumber());
                insert.setString(3, sms.message());
                insert.setString(4, sms.senderId());
                insert.setString(5, sms.smsType());
                Jdbc.setInstant(insert, 6, sms.timestamp());
                insert.setString(7, sms.encoding().name());
                insert.setString(8, JSON.writeValueAsString(sms.parts()));
                return insert.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A list of strings always serializes", e);
            }
        });
    }

    /** The outbox, oldest first; only messages to {@code phoneNumber} when it is not null. */
    List<SmsMessage> listSms(String phoneNumber, int limit) {
        return Jdbc.withConnection(dataSource, "list the SMS outbox", connection -> {
            String sql = "SELECT message_id, phone_number, message, sender_id, sms_type, sent_at, encoding, parts_json FROM ("
                    + "SELECT * FROM sms_outbox" + (phoneNumber == null ? "" : " WHERE phone_number = ?")
                    + " ORDER BY id DESC LIMIT ?) newest ORDER BY id";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                if (phoneNumber != null) {
                    select.setString(index++, phoneNumber);
                }
                select.setInt(index, limit);
                List<SmsMessage> messages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        messages.add(sms(rows));
                    }
                }
                return messages;
            }
        });
    }

    private static SmsMessage sms(ResultSet row) throws SQLException {
        SmsMessage sms = SmsMessage.of(row.getString("message_id"), row.getString("phone_number"), row.getString("message"),
                row.getString("sender_id"), row.getString("sms_type"), Jdbc.getInstant(row, "sent_at"));
        String parts = row.getString("parts_json");
        if (parts == null) {
            return sms;
        }
        try {
            // What the carrier did at the time, rather than what today's splitting would do.
            return new SmsMessage(sms.messageId(), sms.phoneNumber(), sms.message(), sms.senderId(), sms.smsType(),
                    sms.timestamp(), SmsSegments.Encoding.valueOf(row.getString("encoding")), JSON.readValue(parts, PARTS));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException("SMS " + sms.messageId() + " has unreadable parts: " + e.getMessage(), e);
        }
    }

    static String toJson(Map<String, MessageAttribute> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attributes are strings; they always serialize", e);
        }
    }

    static Map<String, MessageAttribute> fromJson(String json) {
        try {
            return JSON.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored message has unreadable attributes: " + e.getOriginalMessage(), e);
        }
    }
}
