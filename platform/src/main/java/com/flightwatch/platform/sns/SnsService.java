package com.flightwatch.platform.sns;

import com.flightwatch.platform.lambda.Invoker;
import com.flightwatch.platform.stack.SubscriptionSpec;
import com.flightwatch.platform.stack.TopicSpec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNS, locally and durably: the one entry point the control plane and the platform use. It wires
 * the parts and hands each call to the part that does it: {@link TopicAdmin}, {@link SubscriptionAdmin},
 * {@link Publisher}, {@link SnsQueries}, {@link DeadLetterAdmin}; {@link DeliveryWorkers} deliver
 * what is published (lambda and http/https subscribers), retry failures and dead-letter what keeps failing.
 */
public final class SnsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnsService.class);

    private final SnsSettings settings;
    private final DeliveryQueue deliveries;
    private final DeliveryWorkers workers;
    private final TopicAdmin topicAdmin;
    private final SubscriptionAdmin subscriptionAdmin;
    private final Publisher publisher;
    private final SnsQueries queries;
    private final DeadLetterAdmin deadLetterAdmin;

    public SnsService(DataSource dataSource, Invoker invoker, SnsSettings settings) {
        this(dataSource, invoker, settings, SnsObserver.NONE);
    }

    /** @param observer told of publishes, deliveries, retries, dead letters and SMS (the platform's metrics) */
    public SnsService(DataSource dataSource, Invoker invoker, SnsSettings settings, SnsObserver observer) {
        Clock clock = Clock.systemUTC();
        this.settings = settings;
        TopicStore topics = new TopicStore(dataSource);
        MessageLog messages = new MessageLog(dataSource);
        this.deliveries = new DeliveryQueue(dataSource);
        HttpEndpoints http = new HttpEndpoints(settings.http());
        HttpMessages httpMessages = new HttpMessages(settings.region(), settings.publicEndpoint());
        SubscriberDelivery toHttp = new HttpDelivery(http, httpMessages);
        Map<String, SubscriberDelivery> byProtocol = Map.of(
                "lambda", new LambdaDelivery(invoker, new SnsEventJson(settings.region(), settings.publicEndpoint())),
                "http", toHttp,
                "https", toHttp);
        DeliveryAttempts attempts = new DeliveryAttempts(byProtocol, deliveries, settings, clock, observer);
        this.workers = new DeliveryWorkers(deliveries, attempts::attempt, settings, clock);
        this.topicAdmin = new TopicAdmin(topics, new TopicAttributes(dataSource), settings.region(), clock);
        this.subscriptionAdmin = new SubscriptionAdmin(topics, new SubscriptionAttributes(dataSource),
                new Confirmations(http, httpMessages), clock);
        this.publisher = new Publisher(topics, messages, workers::wake, clock, observer);
        this.queries = new SnsQueries(dataSource, topics, messages, deliveries);
        this.deadLetterAdmin = new DeadLetterAdmin(topics, new DeadLetterStore(dataSource), workers::wake, clock);
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
            topicAdmin.createTopic(topic.arn(), topic.name());
        }
        for (SubscriptionSpec subscription : subscriptionSpecs) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (subscription.filterPolicyScope() != null) {
                attributes.put(SubscriptionAttributes.FILTER_POLICY_SCOPE, subscription.filterPolicyScope());
            }
            // Absent from the template means no policy: a redeploy removes one that was taken out.
            attributes.put(SubscriptionAttributes.FILTER_POLICY,
                    subscription.filterPolicy() == null ? "" : subscription.filterPolicy());
            try {
                subscribe(subscription.topicArn(), subscription.protocol(), subscription.endpoint(), attributes);
            } catch (InvalidParameterException e) {
                LOG.warn("Skipping subscription {}: {}", subscription.logicalId(), e.getMessage());
            }
        }
    }

    /** @return the topic's ARN; creating a topic that exists returns it, as SNS does */
    public String createTopic(String name) {
        return topicAdmin.createTopic(name);
    }

    /** Deletes the topic with its subscriptions; deleting a topic that does not exist is no error, as in SNS. */
    public void deleteTopic(String topicArn) {
        topicAdmin.deleteTopic(topicArn);
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    public Map<String, String> getTopicAttributes(String topicArn) {
        return topicAdmin.getAttributes(topicArn);
    }

    /** Sets one of SNS's settable topic attributes (DisplayName, Policy, DeliveryPolicy...); an empty value removes it. */
    public void setTopicAttribute(String topicArn, String name, String value) {
        topicAdmin.setAttribute(topicArn, name, value);
    }

    /** @return the subscription's ARN, or "pending confirmation" for an http/https one (see {@link SubscriptionAdmin}) */
    public String subscribe(String topicArn, String protocol, String endpoint) {
        return subscribe(topicArn, protocol, endpoint, Map.of());
    }

    /** Subscribes with attributes (FilterPolicy, FilterPolicyScope, RawMessageDelivery, RedrivePolicy). */
    public String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        return subscribe(topicArn, protocol, endpoint, attributes, false);
    }

    /** As SNS's Subscribe with ReturnSubscriptionArn: the ARN even while the subscription is pending. */
    public String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes,
                            boolean returnSubscriptionArn) {
        return subscriptionAdmin.subscribe(topicArn, protocol, endpoint, attributes, returnSubscriptionArn);
    }

    /** ConfirmSubscription: @return the subscription's ARN. @throws InvalidParameterException for an unknown token */
    public String confirmSubscription(String topicArn, String token) {
        return subscriptionAdmin.confirm(topicArn, token);
    }

    /** @throws SubscriptionNotFoundException when there is no such subscription */
    public Map<String, String> getSubscriptionAttributes(String subscriptionArn) {
        return subscriptionAdmin.getAttributes(subscriptionArn);
    }

    /** @throws SubscriptionNotFoundException when there is no such subscription */
    public void setSubscriptionAttribute(String subscriptionArn, String name, String value) {
        subscriptionAdmin.setAttribute(subscriptionArn, name, value);
    }

    /** @return whether there was such a subscription; unsubscribing twice is no error, as in SNS */
    public boolean unsubscribe(String subscriptionArn) {
        return subscriptionAdmin.unsubscribe(subscriptionArn);
    }

    /** @return the new message's id */
    public String publish(PublishRequest request) {
        return publisher.publish(request);
    }

    /** Publishes each entry on its own: one bad entry fails alone, as in SNS. */
    public PublishBatchResult publishBatch(String topicArn, List<BatchEntry> entries) {
        return publisher.publishBatch(topicArn, entries);
    }

    public Page<String> listTopics(String nextToken) {
        return queries.listTopics(nextToken);
    }

    public List<String> listTopics() {
        return SnsQueries.allPages(queries::listTopics);
    }

    public Page<Subscription> listSubscriptions(String nextToken) {
        return queries.listSubscriptions(nextToken);
    }

    public List<Subscription> listSubscriptions() {
        return SnsQueries.allPages(queries::listSubscriptions);
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    public Page<Subscription> listSubscriptionsByTopic(String topicArn, String nextToken) {
        return queries.listSubscriptionsByTopic(topicArn, nextToken);
    }

    /** The newest 1000 SMS, oldest first. */
    public List<SmsMessage> smsOutbox() {
        return listSms(null);
    }

    /** The newest 1000 SMS to {@code phoneNumber} (every number when null), oldest first. */
    public List<SmsMessage> listSms(String phoneNumber) {
        return queries.listSms(phoneNumber);
    }

    /** The oldest 1000 dead letters. */
    public List<DeadLetter> deadLetters() {
        return deadLetterAdmin.all();
    }

    /** The oldest 1000 dead letters of the topic called {@code topicName}. @throws TopicNotFoundException */
    public List<DeadLetter> deadLetters(String topicName) {
        return deadLetterAdmin.ofTopic(topicName, null);
    }

    /** The same, only those that went to {@code deadLetterTargetArn} (a RedrivePolicy's target); all when null. */
    public List<DeadLetter> deadLetters(String topicName, String deadLetterTargetArn) {
        return deadLetterAdmin.ofTopic(topicName, deadLetterTargetArn);
    }

    /** The oldest 1000 dead letters, of any topic, whose RedrivePolicy named the queue {@code queueName}. */
    public List<DeadLetter> deadLettersOfQueue(String queueName) {
        return deadLetterAdmin.ofQueue(queueName);
    }

    /**
     * Sends the topic's dead letters again, from a first attempt: all of them when {@code deliveryIds}
     * is empty, else those ids (ids of other topics are ignored). @return how many were queued
     */
    public int redrive(String topicName, List<Long> deliveryIds) {
        return deadLetterAdmin.redrive(topicName, deliveryIds);
    }

    /** Every topic with its subscription, pending and dead-letter counts. */
    public List<TopicSummary> topicSummaries() {
        return deadLetterAdmin.summaries();
    }

    /** Deliveries neither delivered nor dead-lettered yet. */
    public int pendingDeliveries() {
        return queries.pendingDeliveries();
    }

    /** Whether the database answers: for health checks. */
    public boolean storeReachable() {
        return queries.storeReachable();
    }

    /** Stops the workers. Deliveries in flight keep their lease and are taken up at the next start. */
    @Override
    public void close() {
        workers.close();
    }
}
