package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.messaging.AlertMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/** {@link AlertPublisher} on SNS: PublishBatch in chunks of ten, the most SNS takes per call. */
public final class SnsAlertPublisher implements AlertPublisher {

    static final int SNS_BATCH_MAX = 10;
    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertPublisher.class);

    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public int publish(List<Alert> alerts) {
        int published = 0;
        for (int start = 0; start < alerts.size(); start += SNS_BATCH_MAX) {
            List<Alert> chunk = alerts.subList(start, Math.min(start + SNS_BATCH_MAX, alerts.size()));
            try {
                PublishBatchResponse response = sns.publishBatch(request(chunk));
                published += response.successful().size();
                for (BatchResultErrorEntry failure : response.failed()) {
                    LOG.warn("SNS refused alert {}: {} {}", failure.id(), failure.code(), failure.message());
                }
            } catch (SdkException e) {
                // The topic is unreachable; later chunks would fail the same way, slowly (SDK retries).
                LOG.error("Publishing to {} failed; {} alerts stay QUEUED for the sweeper", topicArn,
                        alerts.size() - published, e);
                return published;
            }
        }
        return published;
    }

    private PublishBatchRequest request(List<Alert> chunk) {
        List<PublishBatchRequestEntry> entries = new ArrayList<>(chunk.size());
        for (Alert alert : chunk) {
            entries.add(PublishBatchRequestEntry.builder()
                    .id(alert.alertId())
                    .message(new AlertMessage(alert.alertId()).toJson())
                    .messageAttributes(Map.of(AlertMessage.TYPE_ATTRIBUTE, MessageAttributeValue.builder()
                            .dataType("String").stringValue(alert.type().name()).build()))
                    .build());
        }
        return PublishBatchRequest.builder().topicArn(topicArn).publishBatchRequestEntries(entries).build();
    }
}
