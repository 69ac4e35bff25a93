package com.flightwatch.platform.sns;

import com.flightwatch.platform.lambda.Invoker;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.SubscriptionSpec;
import com.flightwatch.platform.stack.TopicSpec;
import com.flightwatch.platform.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNS, locally and durably: topics, lambda subscriptions, Publish to a topic or a phone number.
 * A topic message and its deliveries are committed before Publish returns; workers started by
 * {@link #start()} deliver them, retry failures with backoff, and dead-letter what keeps failing.
 */
public final class SnsService implements AutoCloseable {

    static final String SENDER_ID_ATTRIBUTE = "AWS.SNS.SMS.SenderID";
    static final String SMS_TYPE_ATTRIBUTE = "AWS.SNS.SMS.SMSType";
    private static final Logger LOG = LoggerFactory.getLogger(SnsService.class);
    private static final int LIST_LIMIT = 1000;

    private final DataSource dataSource;
    private final SnsSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final TopicStore topics;
    private final MessageLog messages;
    private final DeliveryQueue deliveries;
    private final DeliveryWorkers workers;

    public SnsService(DataSource dataSource, Invoker invoker, SnsSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.topics = new TopicStore(dataSource);
        this.messages = new MessageLog(dataSource);
        this.deliveries = new DeliveryQueue(dataSource);
        SnsEventJson events = new SnsEventJson(settings.region(), settings.publicEndpoint());
        LambdaDelivery delivery = new LambdaDelivery(invoker, deliveries, events, settings, clock);
        this.workers = new DeliveryWorkers(deliveries, delivery::attempt, settings, clock);
    }

    /** Starts delivering: what is pending from before a restart first, then what gets published. */
    public void start() {
        if (settings.reclaimLeasesOnStart()) {
            int released = deliveries.releaseAllLeases();
            if (released > 0) {
                LOG.info("Taking up {} SNS deliveries that were in flight when the platform stopped", released);
            }
        }
        workers.start();
    }

    /** Creates the stack's topics and subscriptions; what exists already is left as it is. */
    public void deploy(List<TopicSpec> topicSpecs, List<SubscriptionSpec> subscriptionSpecs) {
        for (TopicSpec topic : topicSpecs) {
            topics.createTopic(SnsRequests.topicArn(topic.arn(), "TopicArn"), SnsRequests.topicName(topic.name()), now());
        }
        for (SubscriptionSpec subscription : subscriptionSpecs) {
            if (!"lambda".equals(subscription.protocol())) {
                LOG.warn("Skipping subscription {}: the platform delivers to lambda subscribers only, not {}",
                        subscription.logicalId(), subscription.protocol());
                continue;
            }
            subscribe(subscription.topicArn(), subscription.protocol(), subscription.endpoint());
        }
    }

    /** @return the topic's ARN; creating a topic that exists returns it, as SNS does */
    public String createTopic(String name) {
        String topicArn = AwsIds.topicArn(settings.region(), SnsRequests.topicName(name));
        topics.createTopic(topicArn, name, now());
        return topicArn;
    }

    /** @return the subscription's ARN; subscribing the same endpoint twice returns the first subscription */
    public String subscribe(String topicArn, String protocol, String endpoint) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        if (!"lambda".equals(protocol)) {
            throw new InvalidParameterException("Invalid parameter: Protocol Reason: the platform delivers to lambda"
                    + " subscribers only, not " + protocol);
        }
        if (!LambdaEndpoints.isFunctionArn(endpoint)) {
            throw new InvalidParameterException("Invalid parameter: Lambda endpoint ARN");
        }
        return topics.subscribe(topicArn, protocol, endpoint, now());
    }

    /** @return whether there was such a subscription; unsubscribing twice is no error, as in SNS */
    public boolean unsubscribe(String subscriptionArn) {
        if (subscriptionArn == null || subscriptionArn.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: SubscriptionArn Reason: no value for required parameter");
        }
        return topics.unsubscribe(subscriptionArn);
    }

    /** @return the new message's id */
    public String publish(PublishRequest request) {
        SnsRequests.message(request.message());
        SnsRequests.subject(request.subject());
        SnsRequests.attributes(request.attributes());
        String messageId = UUID.randomUUID().toString();
        if (request.phoneNumber() != null) {
            requireSingleDestination(request.topicArn() == null && request.targetArn() == null);
            String phoneNumber = PhoneNumbers.requireE164(request.phoneNumber());
            String senderId = attributeValue(request, SENDER_ID_ATTRIBUTE);
            String smsType = attributeValue(request, SMS_TYPE_ATTRIBUTE);
            SnsRequests.smsAttributes(senderId, smsType);
            messages.storeSms(new SmsMessage(messageId, phoneNumber, request.message(), senderId, smsType, now()));
            LOG.info("SMS {} to {} is in the outbox", messageId, PhoneNumbers.mask(phoneNumber));
            return messageId;
        }
        requireSingleDestination(request.topicArn() == null || request.targetArn() == null);
        String topicArn = request.topicArn() != null
                ? SnsRequests.topicArn(request.topicArn(), "TopicArn")
                : SnsRequests.topicArn(request.targetArn(), "TopicArn or TargetArn");
        int queued = messages.storeForTopic(new StoredMessage(messageId, topicArn, request.subject(), request.message(),
                request.attributes(), now()));
        if (queued > 0) {
            workers.wake();
        }
        return messageId;
    }

    /** Publishes each entry on its own: one bad entry fails alone, as in SNS. */
    public PublishBatchResult publishBatch(String topicArn, List<BatchEntry> entries) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        SnsRequests.batch(entries);
        if (!topics.topicExists(topicArn)) {
            throw new TopicNotFoundException("Topic does not exist");
        }
        List<PublishBatchResult.Success> successful = new ArrayList<>();
        List<PublishBatchResult.Failure> failed = new ArrayList<>();
        for (BatchEntry entry : entries) {
            try {
                PublishRequest request = PublishRequest.toTopic(topicArn, entry.message())
                        .withSubject(entry.subject())
                        .withAttributes(entry.attributes());
                successful.add(new PublishBatchResult.Success(entry.id(), publish(request)));
            } catch (SnsException e) {
                failed.add(new PublishBatchResult.Failure(entry.id(), e.errorCode(), e.getMessage(), true));
            }
        }
        return new PublishBatchResult(successful, failed);
    }

    public Page<String> listTopics(String nextToken) {
        return topics.listTopics(nextToken);
    }

    public List<String> listTopics() {
        return allPages(topics::listTopics);
    }

    public Page<Subscription> listSubscriptions(String nextToken) {
        return topics.listSubscriptions(Optional.empty(), nextToken);
    }

    public List<Subscription> listSubscriptions() {
        return allPages(this::listSubscriptions);
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    public Page<Subscription> listSubscriptionsByTopic(String topicArn, String nextToken) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        if (!topics.topicExists(topicArn)) {
            throw new TopicNotFoundException("Topic does not exist");
        }
        return topics.listSubscriptions(Optional.of(topicArn), nextToken);
    }

    /** The newest 1000 SMS, oldest first. */
    public List<SmsMessage> smsOutbox() {
        return listSms(null);
    }

    /** The newest 1000 SMS to {@code phoneNumber} (every number when null), oldest first. */
    public List<SmsMessage> listSms(String phoneNumber) {
        return messages.listSms(phoneNumber, LIST_LIMIT);
    }

    /** The oldest 1000 dead letters. */
    public List<DeadLetter> deadLetters() {
        return deliveries.deadLetters(LIST_LIMIT);
    }

    /** Deliveries neither delivered nor dead-lettered yet. */
    public int pendingDeliveries() {
        return deliveries.pendingCount();
    }

    /** Whether the database answers: for health checks. */
    public boolean storeReachable() {
        try {
            return Jdbc.withConnection(dataSource, "check the database", connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops the workers. Deliveries in flight keep their lease and are taken up at the next start. */
    @Override
    public void close() {
        workers.close();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
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

    private static <T> List<T> allPages(java.util.function.Function<String, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = fetch.apply(token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }
}
