package com.flightwatch.platform.sns;

import java.time.Instant;

/**
 * One SMS the local carrier accepted. {@code senderId} and {@code smsType} come from the
 * {@code AWS.SNS.SMS.SenderID} and {@code AWS.SNS.SMS.SMSType} attributes and may be null.
 */
public record SmsMessage(String messageId, String phoneNumber, String message, String senderId, String smsType,
                         Instant timestamp) {
}
