package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.store.Jdbc;
import com.flightwatch.platform.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where published messages go: a topic message is stored with one delivery per subscription in a
 * single transaction, so that once Publish has answered no subscriber can miss it; a phone message
 * goes to {@code sms_outbox}, the local carrier.
 */
final class MessageLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, MessageAttribute>> ATTRIBUTES = new TypeReference<>() {
    };

    private final DataSource dataSource;

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
            try (PreparedStatement fanOut = connection.prepareStatement("INSERT INTO sns_deliveries"
                    + " (message_id, subscription_arn, protocol, endpoint, state, attempt, due_at)"
                    + " SELECT ?, subscription_arn, protocol, endpoint, 'PENDING', 0, ? FROM sns_subscriptions"
                    + " WHERE topic_arn = ?")) {
                fanOut.setString(1, message.messageId());
                Jdbc.setInstant(fanOut, 2, message.publishedAt());
                fanOut.setString(3, message.topicArn());
                return fanOut.executeUpdate();
            }
        });
    }

    void storeSms(SmsMessage sms) {
        Jdbc.withConnection(dataSource, "store an SMS", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_outbox"
                    + " (message_id, phone_number, message, sender_id, sms_type, sent_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, sms.messageId());
                insert.setString(2, sms.phoneNumber());
                insert.setString(3, sms.message());
                insert.setString(4, sms.senderId());
                insert.setString(5, sms.smsType());
                Jdbc.setInstant(insert, 6, sms.timestamp());
                return insert.executeUpdate();
            }
        });
    }

    /** The outbox, oldest first; only messages to {@code phoneNumber} when it is not null. */
    List<SmsMessage> listSms(String phoneNumber, int limit) {
        return Jdbc.withConnection(dataSource, "list the SMS outbox", connection -> {
            String sql = "SELECT message_id, phone_number, message, sender_id, sms_type, sent_at FROM ("
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
                        messages.add(new SmsMessage(rows.getString("message_id"), rows.getString("phone_number"),
                                rows.getString("message"), rows.getString("sender_id"), rows.getString("sms_type"),
                                Jdbc.getInstant(rows, "sent_at")));
                    }
                }
                return messages;
            }
        });
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
