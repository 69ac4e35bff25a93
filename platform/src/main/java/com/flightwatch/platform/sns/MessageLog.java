package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.store.Jdbc;
import com.flightwatch.platform.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where published messages go: topic messages are stored with one delivery per subscription in a
 * single transaction ({@link TopicMessages}), so that once Publish has answered no subscriber can miss
 * them; a phone message goes to {@code sms_outbox}, the local carrier.
 */
final class MessageLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, MessageAttribute>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> PARTS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final TopicMessages topicMessages;

    MessageLog(DataSource dataSource) {
        this.dataSource = dataSource;
        this.topicMessages = new TopicMessages(dataSource);
    }

    /**
     * Stores messages of one topic with their deliveries in one transaction (a PublishBatch's entries).
     * @return the number of deliveries queued, one per matching subscription per message
     * @throws TopicNotFoundException when the topic does not exist
     */
    int storeForTopic(List<StoredMessage> batch) {
        return topicMessages.store(batch);
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
