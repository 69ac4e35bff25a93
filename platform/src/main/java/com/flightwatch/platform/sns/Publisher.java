package com.flightwatch.platform.sns;

import java.time.Clock;
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

    Publisher(TopicStore topics, MessageLog messages, Runnable wakeWorkers, Clock clock) {
        this.topics = topics;
        this.messages = messages;
        this.wakeWorkers = wakeWorkers;
        this.clock = clock;
    }

    /** @return the new message's id */
    String publish(PublishRequest request) {
        SnsRequests.message(request.message());
        SnsRequests.subject(request.subject());
        SnsRequests.attributes(request.attributes());
        String messageId = UUID.randomUUID().toString();
        if (request.phoneNumber() != null) {
            requireSingleDestination(request.topicArn() == null && request.targetArn() == null);
            publishSms(messageId, request);
            return messageId;
        }
        requireSingleDestination(request.topicArn() == null || request.targetArn() == null);
        String topicArn = request.topicArn() != null
                ? SnsRequests.topicArn(request.topicArn(), "TopicArn")
                : SnsRequests.topicArn(request.targetArn(), "TopicArn or TargetArn");
        // One text is stored for every subscriber: the lambda one (or the default), see docs/topics.md.
        String text = MessageStructure.forProtocol(request.messageStructure(), request.message(), "lambda");
        int queued = messages.storeForTopic(new StoredMessage(messageId, topicArn, request.subject(), text,
                request.attributes(), SnsClock.now(clock)));
        if (queued > 0) {
            wakeWorkers.run();
        }
        return messageId;
    }

    /** Publishes each entry on its own: one bad entry fails alone, as in SNS. */
    PublishBatchResult publishBatch(String topicArn, List<BatchEntry> entries) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        SnsRequests.batch(entries);
        if (!topics.topicExists(topicArn)) {
            throw new TopicNotFoundException("Topic does not exist");
        }
        List<PublishBatchResult.Success> successful = new ArrayList<>();
        List<PublishBatchResult.Failure> failed = new ArrayList<>();
        for (BatchEntry entry : entries) {
            try {
                PublishRequest request = new PublishRequest(topicArn, null, null, entry.subject(), entry.message(),
                        entry.attributes(), entry.messageStructure());
                successful.add(new PublishBatchResult.Success(entry.id(), publish(request)));
            } catch (SnsException e) {
                failed.add(new PublishBatchResult.Failure(entry.id(), e.errorCode(), e.getMessage(), true));
            }
        }
        return new PublishBatchResult(successful, failed);
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
        messages.storeSms(SmsMessage.of(messageId, phoneNumber, text, senderId, smsType, SnsClock.now(clock)));
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
