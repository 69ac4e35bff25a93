package com.flightwatch.platform.sns;

import java.time.Instant;
import java.util.List;

/**
 * One SMS the local carrier accepted. {@code senderId} and {@code smsType} come from the
 * {@code AWS.SNS.SMS.SenderID} and {@code AWS.SNS.SMS.SMSType} attributes and may be null;
 * {@code encoding} and {@code parts} say how the text travels as SMS (see {@link SmsSegments}).
 */
public record SmsMessage(String messageId, String phoneNumber, String message, String senderId, String smsType,
                         Instant timestamp, SmsSegments.Encoding encoding, List<String> parts) {

    public SmsMessage {
        parts = List.copyOf(parts);
    }

    /** An SMS cut into parts as a carrier would. */
    public static SmsMessage of(String messageId, String phoneNumber, String message, String senderId, String smsType,
                                Instant timestamp) {
        SmsSegments.Split split = SmsSegments.split(message);
        return new SmsMessage(messageId, phoneNumber, message, senderId, smsType, timestamp, split.encoding(), split.parts());
    }
}
