package com.flightwatch.platform.sns;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's dead-letter routes: dead letters by topic or by RedrivePolicy target queue, their
 * redrive, and the per-topic counts.
 */
final class DeadLetterAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterAdmin.class);

    private final TopicStore topics;
    private final DeadLetterStore deadLetters;
    private final Runnable wakeWorkers;
    private final Clock clock;

    DeadLetterAdmin(TopicStore topics, DeadLetterStore deadLetters, Runnable wakeWorkers, Clock clock) {
        this.topics = topics;
        this.deadLetters = deadLetters;
        this.wakeWorkers = wakeWorkers;
        this.clock = clock;
    }

    List<DeadLetter> all() {
        return deadLetters.listAll(SnsQueries.LIST_LIMIT);
    }

    /** @param deadLetterTargetArn only the letters that went to this RedrivePolicy target; every one when null */
    List<DeadLetter> ofTopic(String topicName, String deadLetterTargetArn) {
        return deadLetters.list(topicArnOf(topicName), deadLetterTargetArn, SnsQueries.LIST_LIMIT);
    }

    List<DeadLetter> ofQueue(String queueName) {
        return deadLetters.listByQueue(queueName, SnsQueries.LIST_LIMIT);
    }

    int redrive(String topicName, List<Long> deliveryIds) {
        int queued = deadLetters.redrive(topicArnOf(topicName), List.copyOf(deliveryIds), SnsClock.now(clock));
        if (queued > 0) {
            LOG.info("Redriving {} dead letter(s) of topic {}", queued, topicName);
            wakeWorkers.run();
        }
        return queued;
    }

    List<TopicSummary> summaries() {
        return deadLetters.summaries();
    }

    private String topicArnOf(String topicName) {
        return topics.topicArnByName(topicName)
                .orElseThrow(() -> new TopicNotFoundException("Topic does not exist: " + topicName));
    }
}
