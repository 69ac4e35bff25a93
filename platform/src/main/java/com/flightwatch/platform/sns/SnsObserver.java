package com.flightwatch.platform.sns;

/**
 * Told of what topics do, once each thing has happened: the seam metrics use. Called on the
 * publishing caller's thread or a delivery worker's, so an implementation must be quick and must
 * not block. Topic ARNs are given whole; {@code protocol} is the subscriber's ({@code lambda},
 * {@code http}, {@code https}).
 */
public interface SnsObserver {

    SnsObserver NONE = new SnsObserver() {
    };

    /** {@code messages} were stored for the topic (a Publish is one, a PublishBatch its valid entries). */
    default void published(String topicArn, int messages) {
    }

    /** A subscriber took a message. */
    default void delivered(String topicArn, String protocol) {
    }

    /** A delivery failed and waits for another attempt. */
    default void retried(String topicArn, String protocol) {
    }

    /** A delivery failed its last attempt and moved to the dead letters. */
    default void deadLettered(String topicArn, String protocol) {
    }

    /** A {@code PhoneNumber} publish reached the SMS outbox, in {@code parts} messages. */
    default void smsSent(int parts) {
    }
}
