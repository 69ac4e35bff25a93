package com.flightwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.messaging.AlertMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

class SnsAlertPublisherTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:flightwatch-alerts";

    /** Answers PublishBatch like SNS: every entry successful, except ids listed in {@code refuse}. */
    private static final class FakeSns implements SnsClient {
        final List<PublishBatchRequest> requests = Collections.synchronizedList(new ArrayList<>());
        final List<String> refuse = new ArrayList<>();
        int failFromCall = Integer.MAX_VALUE;

        @Override
        public PublishBatchResponse publishBatch(PublishBatchRequest request) {
            requests.add(request);
            if (requests.size() >= failFromCall) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
            List<PublishBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
                if (refuse.contains(entry.id())) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError").senderFault(false).build());
                } else {
                    ok.add(PublishBatchResultEntry.builder().id(entry.id()).messageId("m-" + entry.id()).build());
                }
            }
            return PublishBatchResponse.builder().successful(ok).failed(failed).build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }

    private final FakeSns sns = new FakeSns();
    /** One call at a time, so the order of the calls can be checked. */
    private final SnsAlertPublisher publisher = new SnsAlertPublisher(sns, TOPIC, 1);

    @Test
    void publish_23Alerts_spreadsThemOverTwelveMessagesInBatchesOfTenAndTwo() {
        List<Alert> alerts = alerts(23);

        int published = publisher.publish(alerts);

        assertThat(published).isEqualTo(23);
        assertThat(sns.requests).extracting(r -> r.publishBatchRequestEntries().size()).containsExactly(10, 2);
        assertThat(messages()).extracting(m -> m.alertIds().size()).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1);
        assertThat(sns.requests).allSatisfy(r -> assertThat(r.topicArn()).isEqualTo(TOPIC));
    }

    @Test
    void publish_10000Alerts_isAHundredMessagesOfAHundredInTenCalls() {
        List<Alert> alerts = alerts(10_000);

        assertThat(publisher.publish(alerts)).isEqualTo(10_000);

        assertThat(sns.requests).hasSize(10);
        assertThat(messages()).hasSize(100).allSatisfy(m -> assertThat(m.alertIds()).hasSize(AlertMessage.MAX_ALERTS));
        assertThat(messages().stream().flatMap(m -> m.alertIds().stream()))
                .containsExactlyElementsOf(alerts.stream().map(Alert::alertId).toList());
    }

    @Test
    void publish_twoTypes_neverShareAMessage() {
        List<Alert> alerts = new ArrayList<>(alerts(3));
        Alert delayed = alerts(1).get(0);
        alerts.add(new Alert(Ids.newId(), delayed.notificationId(), "UA123", delayed.departureDate(),
                NotificationType.CANCELLED, Ids.newId(), "Grace Hopper", "+14155550101", "text", AlertStatus.QUEUED,
                Instant.EPOCH, null, null));

        publisher.publish(alerts);

        List<PublishBatchRequestEntry> entries = sns.requests.get(0).publishBatchRequestEntries();
        assertThat(entries).extracting(e -> e.messageAttributes().get(AlertMessage.TYPE_ATTRIBUTE).stringValue())
                .containsExactly("DELAYED", "DELAYED", "DELAYED", "CANCELLED");
    }

    @Test
    void publish_entry_carriesOnlyTheAlertIdsAndTheTypeAttribute() {
        Alert alert = alerts(1).get(0);

        publisher.publish(List.of(alert));

        PublishBatchRequestEntry entry = sns.requests.get(0).publishBatchRequestEntries().get(0);
        assertThat(entry.id()).isEqualTo(alert.alertId());
        assertThat(AlertMessage.parse(entry.message())).contains(AlertMessage.of(alert.alertId()));
        assertThat(entry.message()).doesNotContain(alert.phone());
        assertThat(entry.messageAttributes().get(AlertMessage.TYPE_ATTRIBUTE).stringValue()).isEqualTo("DELAYED");
    }

    @Test
    void publish_someEntriesRefused_countsOnlyTheAccepted() {
        List<Alert> alerts = alerts(12);
        sns.refuse.add(alerts.get(3).alertId());

        assertThat(publisher.publish(alerts)).isEqualTo(11);
    }

    @Test
    void publish_topicUnreachable_stopsAtTheFirstFailureWithoutThrowing() {
        sns.failFromCall = 2;

        int published = publisher.publish(alerts(35)); // 18 messages of 2 (the last of 1): calls of 10 and 8

        assertThat(published).isEqualTo(20);
        assertThat(sns.requests).hasSize(2);
    }

    @Test
    void publish_inParallel_publishesEveryAlertExactlyOnce() {
        SnsAlertPublisher parallel = new SnsAlertPublisher(sns, TOPIC, 4);
        List<Alert> alerts = alerts(4_003); // 41 messages of 100 (the last of 3), in 5 calls
        sns.refuse.add(alerts.get(700).alertId()); // the first alert of the eighth message

        int published = parallel.publish(alerts);

        assertThat(published).isEqualTo(4_003 - 100);
        assertThat(sns.requests).hasSize(5);
        Set<String> sent = new HashSet<>();
        synchronized (sns.requests) {
            sns.requests.forEach(r -> r.publishBatchRequestEntries().forEach(entry -> AlertMessage.parse(entry.message())
                    .orElseThrow().alertIds().forEach(id -> assertThat(sent.add(id)).isTrue())));
        }
        assertThat(sent).hasSize(4_003);
    }

    @Test
    void publish_inParallel_topicUnreachable_stopsEveryThreadWithoutThrowing() {
        SnsAlertPublisher parallel = new SnsAlertPublisher(sns, TOPIC, 4);
        sns.failFromCall = 3;

        int published = parallel.publish(alerts(10_000)); // 100 messages of 100, in 10 calls

        assertThat(published).isLessThanOrEqualTo(2 * 10 * 100);
        assertThat(sns.requests.size()).as("no thread takes a new chunk once one failed").isLessThanOrEqualTo(3 + 4);
    }

    @Test
    void constructor_withNoParallelism_fails() {
        assertThatThrownBy(() -> new SnsAlertPublisher(sns, TOPIC, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }

    @Test
    void publish_nothing_makesNoCall() {
        assertThat(publisher.publish(List.of())).isZero();
        assertThat(sns.requests).isEmpty();
    }

    private List<AlertMessage> messages() {
        return sns.requests.stream().flatMap(r -> r.publishBatchRequestEntries().stream())
                .map(entry -> AlertMessage.parse(entry.message()).orElseThrow()).toList();
    }

    private static List<Alert> alerts(int count) {
        String notificationId = Ids.newId();
        return IntStream.range(0, count)
                .mapToObj(i -> new Alert(Ids.newId(), notificationId, "UA123", LocalDate.of(2026, 12, 24),
                        NotificationType.DELAYED, Ids.newId(), "Ada Lovelace", "+14155550100", "text",
                        AlertStatus.QUEUED, Instant.EPOCH, null, null))
                .toList();
    }
}
