package com.flightwatch.platform.metrics;

import com.flightwatch.platform.sns.SnsObserver;
import com.flightwatch.platform.stack.AwsIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What topics do, by topic name (and subscriber protocol for deliveries), and the SMS the outbox received. */
final class TopicMetrics implements SnsObserver {

    private enum Outcome { DELIVERED, RETRIED, DEAD_LETTERED }

    private record Key(String topicArn, String protocol, Outcome outcome) {
    }

    private final MeterRegistry registry;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Map<Key, Counter> deliveries = new ConcurrentHashMap<>();
    private final Counter smsSent;
    private final Counter smsParts;

    TopicMetrics(MeterRegistry registry) {
        this.registry = registry;
        smsSent = Counter.builder(MetricNames.SMS_SENT).description("SMS messages the outbox received (PhoneNumber publishes)")
                .register(registry);
        smsParts = Counter.builder(MetricNames.SMS_PARTS).description("Their parts, as a carrier sends them")
                .register(registry);
    }

    @Override
    public void published(String topicArn, int messages) {
        published.computeIfAbsent(topicArn, arn -> Counter.builder(MetricNames.TOPIC_PUBLISHED)
                .description("Messages published to the topic").tag("topic", AwsIds.nameFromArn(arn))
                .register(registry)).increment(messages);
    }

    @Override
    public void delivered(String topicArn, String protocol) {
        count(topicArn, protocol, Outcome.DELIVERED);
    }

    @Override
    public void retried(String topicArn, String protocol) {
        count(topicArn, protocol, Outcome.RETRIED);
    }

    @Override
    public void deadLettered(String topicArn, String protocol) {
        count(topicArn, protocol, Outcome.DEAD_LETTERED);
    }

    @Override
    public void smsSent(int parts) {
        smsSent.increment();
        smsParts.increment(parts);
    }

    private void count(String topicArn, String protocol, Outcome outcome) {
        deliveries.computeIfAbsent(new Key(topicArn, protocol, outcome), key -> {
            String name = switch (key.outcome()) {
                case DELIVERED -> MetricNames.TOPIC_DELIVERIES;
                case RETRIED -> MetricNames.TOPIC_RETRIES;
                case DEAD_LETTERED -> MetricNames.TOPIC_DEAD_LETTERS;
            };
            return Counter.builder(name).description(description(key.outcome()))
                    .tags("topic", AwsIds.nameFromArn(key.topicArn()), "protocol", key.protocol()).register(registry);
        }).increment();
    }

    private static String description(Outcome outcome) {
        return switch (outcome) {
            case DELIVERED -> "Messages a subscriber took";
            case RETRIED -> "Failed deliveries scheduled for another attempt";
            case DEAD_LETTERED -> "Deliveries moved to the dead letters after their last attempt";
        };
    }
}
