package com.flightwatch.platform.sns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publish and PublishBatch: a topic message is stored with its deliveries before the call answers
 * (then the workers are woken); a phone message goes to the SMS outbox.
 */
final class Publisher {

    static final String SENDER_ID_ATTRIBUTE = "AWS.SNS.SMS.SenderID";
    static final String SMS_TYPE_ATTRIBUTE = "AWS.SNS.SMS.SMSType";
    /** SNS's limit for the whole text of one SMS Publish, however many parts it becomes. */
    static final int MAX_SMS_CHARACTERS = 1600;
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final TopicStore topics;
    private final MessageLog messages;
    private final Runnable wakeWorkers;
    private final Clock clock;
    private final SnsObserver observer;

    Publisher(TopicStore topics, MessageLog messages, Runnable wakeWorkers, Clock clock, SnsObserver observer) {
        this.topics = topics;
        this.messages = messages;
        this.wakeWorkers = wakeWorkers;
        this.clock = clock;
        this.observer = observer;
    }

    /** @return the new message's id */
    String publish(PublishRequest request) {
        String messageId = UUID.randomUUID().toString();
        if (request.phoneNumber() != null) {
            validate(request);
            requireSingleDestination(request.topicArn() == null && request.targetArn() == null);
            publishSms(messageId, request);
            return messageId;
        }
        storeAndWake(List.of(topicMessage(messageId, request, SnsClock.now(clock))));
        return messageId;
    }

    /**
     * Entries are validated one by one (a bad entry fails alone, as in SNS); the valid ones are stored
     * together in one transaction, so the batch costs one commit rather than one per entry.
     */
    PublishBatchResult publishBatch(String topicArn, List<BatchEntry> entries) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        SnsRequests.batch(entries);
        Instant publishedAt = SnsClock.now(clock);
        List<PublishBatchResult.Success> successful = new ArrayList<>();
        List<PublishBatchResult.Failure> failed = new ArrayList<>();
        List<StoredMessage> valid = new ArrayList<>();
        for (BatchEntry entry : entries) {
            try {
                PublishRequest request = new PublishRequest(topicArn, null, null, entry.subject(), entry.message(),
                        entry.attributes(), entry.messageStructure());
                StoredMessage message = topicMessage(UUID.randomUUID().toString(), request, publishedAt);
                valid.add(message);
                successful.add(new PublishBatchResult.Success(entry.id(), message.messageId()));
            } catch (SnsException e) {
                failed.add(new PublishBatchResult.Failure(entry.id(), e.errorCode(), e.getMessage(), true));
            }
        }
        if (valid.isEmpty()) {
            // Nothing to store, but a missing topic is still the whole call's error, as in SNS.
            if (!topics.topicExists(topicArn)) {
                throw new TopicNotFoundException("Topic does not exist");
            }
        } else {
            storeAndWake(valid);
        }
        return new PublishBatchResult(successful, failed);
    }

    /** Validates a topic publish and gives the message as it is stored. */
    private static StoredMessage topicMessage(String messageId, PublishRequest request, Instant publishedAt) {
        validate(request);
        requireSingleDestination(request.topicArn() == null || request.targetArn() == null);
        String topicArn = request.topicArn() != null
                ? SnsRequests.topicArn(request.topicArn(), "TopicArn")
                : SnsRequests.topicArn(request.targetArn(), "TopicArn or TargetArn");
        // One text is stored for every subscriber: the lambda one (or the default), see docs/topics.md.
        String text = MessageStructure.forProtocol(request.messageStructure(), request.message(), "lambda");
        return new StoredMessage(messageId, topicArn, request.subject(), text, request.attributes(), publishedAt);
    }

    private static void validate(PublishRequest request) {
        SnsRequests.message(request.message());
        SnsRequests.subject(request.subject());
        SnsRequests.attributes(request.attributes());
    }

    private void storeAndWake(List<StoredMessage> batch) {
        int deliveries = messages.storeForTopic(batch);
        observer.published(batch.get(0).topicArn(), batch.size());
        if (deliveries > 0) {
            wakeWorkers.run();
        }
    }

    private void publishSms(String messageId, PublishRequest request) {
        String phoneNumber = PhoneNumbers.requireE164(request.phoneNumber());
        String senderId = attributeValue(request, SENDER_ID_ATTRIBUTE);
        String smsType = attributeValue(request, SMS_TYPE_ATTRIBUTE);
        SnsRequests.smsAttributes(senderId, smsType);
        String text = MessageStructure.forProtocol(request.messageStructure(), request.message(), "sms");
        if (text.length() > MAX_SMS_CHARACTERS) {
            throw new InvalidParameterException("Invalid parameter: Message Reason: an SMS message can be at most "
                    + MAX_SMS_CHARACTERS + " characters, this one has " + text.length());
        }
        SmsMessage sms = SmsMessage.of(messageId, phoneNumber, text, senderId, smsType, SnsClock.now(clock));
        messages.storeSms(sms);
        observer.smsSent(sms.parts().size());
        LOG.info("SMS {} to {} is in the outbox", messageId, PhoneNumbers.mask(phoneNumber));
    }

    private static void requireSingleDestination(boolean single) {
        if (!single) {
            throw new InvalidParameterException(
                    "Invalid parameter: TopicArn, TargetArn or PhoneNumber Reason: only one of them may be given");
        }
    }

    private static String attributeValue(PublishRequest request, String name) {
        MessageAttribute attribute = request.attributes().get(name);
        return attribute == null ? null : attribute.value();
    }
}
