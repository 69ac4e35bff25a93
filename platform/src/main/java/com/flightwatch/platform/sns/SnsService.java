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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final DeadLetterStore deadLetters;
    private final SubscriptionAttributes subscriptionAttributes;
    private final TopicAttributes topicAttributes;
    private final DeliveryWorkers workers;

    public SnsService(DataSource dataSource, Invoker invoker, SnsSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.topics = new TopicStore(dataSource);
        this.messages = new MessageLog(dataSource);
        this.deliveries = new DeliveryQueue(dataSource);
        this.deadLetters = new DeadLetterStore(dataSource);
        this.subscriptionAttributes = new SubscriptionAttributes(dataSource);
        this.topicAttributes = new TopicAttributes(dataSource);
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
            Map<String, String> attributes = new LinkedHashMap<>();
            if (subscription.filterPolicyScope() != null) {
                attributes.put(SubscriptionAttributes.FILTER_POLICY_SCOPE, subscription.filterPolicyScope());
            }
            // Absent from the template means no policy: a redeploy removes one that was taken out.
            attributes.put(SubscriptionAttributes.FILTER_POLICY,
                    subscription.filterPolicy() == null ? "" : subscription.filterPolicy());
            subscribe(subscription.topicArn(), subscription.protocol(), subscription.endpoint(), attributes);
        }
    }

    /** @return the topic's ARN; creating a topic that exists returns it, as SNS does */
    public String createTopic(String name) {
        String topicArn = AwsIds.topicArn(settings.region(), SnsRequests.topicName(name));
        topics.createTopic(topicArn, name, now());
        return topicArn;
    }

    /** Deletes the topic with its subscriptions; deleting a topic that does not exist is no error, as in SNS. */
    public void deleteTopic(String topicArn) {
        topics.deleteTopic(SnsRequests.topicArn(topicArn, "TopicArn"));
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    public Map<String, String> getTopicAttributes(String topicArn) {
        return topicAttributes.get(SnsRequests.topicArn(topicArn, "TopicArn"));
    }

    /** Sets one of SNS's settable topic attributes (DisplayName, Policy, DeliveryPolicy...); an empty value removes it. */
    public void setTopicAttribute(String topicArn, String name, String value) {
        topicAttributes.set(SnsRequests.topicArn(topicArn, "TopicArn"), name, value);
    }

    /** @return the subscription's ARN; subscribing the same endpoint twice returns the first subscription */
    public String subscribe(String topicArn, String protocol, String endpoint) {
        return subscribe(topicArn, protocol, endpoint, Map.of());
    }

    /**
     * Subscribes with attributes ({@code FilterPolicy}, {@code FilterPolicyScope}, {@code RawMessageDelivery},
     * {@code RedrivePolicy}); when the subscription exists its attributes are set to these.
     * @return the subscription's ARN
     */
    public String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        SubscriptionAttributes.validate(attributes);
        if (!"lambda".equals(protocol)) {
            throw new InvalidParameterException("Invalid parameter: Protocol Reason: the platform delivers to lambda"
                    + " subscribers only, not " + protocol);
        }
        if (!LambdaEndpoints.isFunctionArn(endpoint)) {
            throw new InvalidParameterException("Invalid parameter: Lambda endpoint ARN");
        }
        String subscriptionArn = topics.subscribe(topicArn, protocol, endpoint, now());
        if (!attributes.isEmpty()) {
            subscriptionAttributes.set(subscriptionArn, attributes);
        }
        return subscriptionArn;
    }

    /** @throws SubscriptionNotFoundException when there is no such subscription */
    public Map<String, String> getSubscriptionAttributes(String subscriptionArn) {
        return subscriptionAttributes.get(requiredSubscriptionArn(subscriptionArn));
    }

    /** @throws SubscriptionNotFoundException when there is no such subscription */
    public void setSubscriptionAttribute(String subscriptionArn, String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: AttributeName Reason: no value for required parameter");
        }
        Map<String, String> attribute = new HashMap<>();
        attribute.put(name, value == null ? "" : value);
        subscriptionAttributes.set(requiredSubscriptionArn(subscriptionArn), attribute);
    }

    /** @return whether there was such a subscription; unsubscribing twice is no error, as in SNS */
    public boolean unsubscribe(String subscriptionArn) {
        return topics.unsubscribe(requiredSubscriptionArn(subscriptionArn));
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
            String text = MessageStructure.forProtocol(request.messageStructure(), request.message(), "sms");
            messages.storeSms(SmsMessage.of(messageId, phoneNumber, text, senderId, smsType, now()));
            LOG.info("SMS {} to {} is in the outbox", messageId, PhoneNumbers.mask(phoneNumber));
            return messageId;
        }
        requireSingleDestination(request.topicArn() == null || request.targetArn() == null);
        String topicArn = request.topicArn() != null
                ? SnsRequests.topicArn(request.topicArn(), "TopicArn")
                : SnsRequests.topicArn(request.targetArn(), "TopicArn or TargetArn");
        // Every subscriber is a function here, so the lambda text (or the default) is the one to store.
        String text = MessageStructure.forProtocol(request.messageStructure(), request.message(), "lambda");
        int queued = messages.storeForTopic(new StoredMessage(messageId, topicArn, request.subject(), text,
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

    /** The oldest 1000 dead letters of the topic called {@code topicName}. @throws TopicNotFoundException */
    public List<DeadLetter> deadLetters(String topicName) {
        return deadLetters.list(topicArnOf(topicName), LIST_LIMIT);
    }

    /**
     * Sends the topic's dead letters again, from a first attempt: all of them when {@code deliveryIds}
     * is empty, else those ids (ids of other topics are ignored). @return how many were queued
     */
    public int redrive(String topicName, List<Long> deliveryIds) {
        int queued = deadLetters.redrive(topicArnOf(topicName), List.copyOf(deliveryIds), now());
        if (queued > 0) {
            LOG.info("Redriving {} dead letter(s) of topic {}", queued, topicName);
            workers.wake();
        }
        return queued;
    }

    /** Every topic with its subscription, pending and dead-letter counts. */
    public List<TopicSummary> topicSummaries() {
        return deadLetters.summaries();
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

    private static String requiredSubscriptionArn(String subscriptionArn) {
        if (subscriptionArn == null || subscriptionArn.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: SubscriptionArn Reason: no value for required parameter");
        }
        return subscriptionArn;
    }

    private String topicArnOf(String topicName) {
        return topics.topicArnByName(topicName)
                .orElseThrow(() -> new TopicNotFoundException("Topic does not exist: " + topicName));
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
