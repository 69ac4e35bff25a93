package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.messaging.AlertMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * {@link AlertPublisher} on SNS: the alerts in groups of up to {@link AlertMessage#MAX_ALERTS} per
 * message ({@link AlertGroups}), the messages by PublishBatch in chunks of ten, the most SNS takes
 * per call, with several calls in flight at once. A 10,000-passenger flight is 100 messages in 10
 * calls, where one message per alert was 1,000 calls, longer than the API may take to answer.
 */
public final class SnsAlertPublisher implements AlertPublisher {

    static final int SNS_BATCH_MAX = 10;
    /** PublishBatch calls in flight at once; each waits mostly on SNS storing its messages. */
    static final int DEFAULT_PARALLELISM = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertPublisher.class);

    private final SnsClient sns;
    private final String topicArn;
    private final int parallelism;
    /** Built once per execution environment, like the client; its threads are daemons, idle between calls. */
    private final ExecutorService helpers;

    public SnsAlertPublisher(SnsClient sns, String topicArn) {
        this(sns, topicArn, DEFAULT_PARALLELISM);
    }

    /** @param parallelism PublishBatch calls in flight at once; 1 publishes the chunks in order */
    public SnsAlertPublisher(SnsClient sns, String topicArn, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.sns = sns;
        this.topicArn = topicArn;
        this.parallelism = parallelism;
        AtomicInteger threads = new AtomicInteger();
        this.helpers = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism - 1, task -> {
            Thread thread = new Thread(task, "alert-publisher-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int publish(List<Alert> alerts) {
        List<List<Alert>> groups = AlertGroups.of(alerts);
        List<List<List<Alert>>> chunks = new ArrayList<>();
        for (int start = 0; start < groups.size(); start += SNS_BATCH_MAX) {
            chunks.add(groups.subList(start, Math.min(start + SNS_BATCH_MAX, groups.size())));
        }
        ChunkQueue queue = new ChunkQueue(chunks);
        List<Future<?>> running = new ArrayList<>();
        for (int helper = 1; helper < Math.min(parallelism, chunks.size()); helper++) {
            running.add(helpers.submit(queue::drain));
        }
        queue.drain(); // the calling thread publishes too
        for (Future<?> helper : running) {
            awaitQuietly(helper);
        }
        int published = queue.published.get();
        if (queue.unreachable.get()) {
            LOG.error("Publishing to {} failed; {} alerts stay QUEUED for the sweeper", topicArn, alerts.size() - published,
                    queue.firstFailure);
        }
        return published;
    }

    /** The chunks left to publish, taken one at a time by every thread that publishes. */
    private final class ChunkQueue {
        private final List<List<List<Alert>>> chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger published = new AtomicInteger();
        private final AtomicBoolean unreachable = new AtomicBoolean();
        private volatile SdkException firstFailure;

        ChunkQueue(List<List<List<Alert>>> chunks) {
            this.chunks = chunks;
        }

        void drain() {
            int index;
            while (!unreachable.get() && (index = next.getAndIncrement()) < chunks.size()) {
                try {
                    List<List<Alert>> chunk = chunks.get(index);
                    PublishBatchResponse response = sns.publishBatch(request(chunk));
                    Map<String, Integer> sizes = new HashMap<>();
                    chunk.forEach(group -> sizes.put(entryId(group), group.size()));
                    response.successful().forEach(entry -> published.addAndGet(sizes.getOrDefault(entry.id(), 0)));
                    for (BatchResultErrorEntry failure : response.failed()) {
                        LOG.warn("SNS refused the message of {} alert(s) from alert {}: {} {}",
                                sizes.getOrDefault(failure.id(), 0), failure.id(), failure.code(), failure.message());
                    }
                } catch (SdkException e) {
                    // The topic is unreachable; later chunks would fail the same way, slowly (SDK retries).
                    if (unreachable.compareAndSet(false, true)) {
                        firstFailure = e;
                    }
                }
            }
        }
    }

    private static void awaitQuietly(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // drain() catches what SNS throws; anything else is a bug worth seeing, but never the caller's failure.
            LOG.error("A publishing thread failed", e.getCause());
        }
    }

    /** A group's entry id in its batch: its first alert's id, unique in the batch and within SNS's 80 characters. */
    private static String entryId(List<Alert> group) {
        return group.get(0).alertId();
    }

    private PublishBatchRequest request(List<List<Alert>> chunk) {
        List<PublishBatchRequestEntry> entries = new ArrayList<>(chunk.size());
        for (List<Alert> group : chunk) {
            entries.add(PublishBatchRequestEntry.builder()
                    .id(entryId(group))
                    .message(new AlertMessage(group.stream().map(Alert::alertId).toList()).toJson())
                    .messageAttributes(Map.of(AlertMessage.TYPE_ATTRIBUTE, MessageAttributeValue.builder()
                            .dataType("String").stringValue(group.get(0).type().name()).build()))
                    .build());
        }
        return PublishBatchRequest.builder().topicArn(topicArn).publishBatchRequestEntries(entries).build();
    }
}
