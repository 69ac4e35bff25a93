package com.flightwatch.platform.sns;

/**
 * A topic as {@code GET /_platform/topics} shows it: how many subscriptions it has, how many of its
 * deliveries are still to be made and how many ended in the dead-letter store.
 */
public record TopicSummary(String name, String topicArn, int subscriptions, int pendingDeliveries, int deadLetters) {
}
