package com.flightwatch.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.exceptions.DataAccessException;
import com.flightwatch.common.messaging.AlertMessage;
import com.flightwatch.common.repository.SmsDeliveryRepository;
import com.flightwatch.common.testing.EventFixtures;
import com.flightwatch.common.testing.InMemoryAlertRepository;
import com.flightwatch.common.testing.InMemorySmsDeliveryRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsHandlerTest {

    private static final String FIRST = "01a20b5a-c93a-7000-8000-0000000000a1";
    private static final String SECOND = "01a20b5a-c93a-7001-8000-0000000000a2";
    private static final String THIRD = "01a20b5a-c93a-7002-8000-0000000000a3";
    private static final String TEXT = "Flightwatch: UA123 on 24 Dec is CANCELLED: Weather at JFK. Reply HELP for help.";
    private static final Instant NOW = Instant.parse("2026-12-24T14:00:05Z");

    private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    private final InMemorySmsDeliveryRepository deliveries = new InMemorySmsDeliveryRepository(alerts);
    private final RecordingSmsSender sender = new RecordingSmsSender();
    private final MovableClock clock = new MovableClock(NOW);
    private final SmsHandler handler = new SmsHandler(alerts, deliveries, sender, clock);

    @BeforeEach
    void storeAlerts() {
        alerts.save(queued(FIRST, "+14155550100"));
        alerts.save(queued(SECOND, "+46701234567"));
    }

    @Test
    void handleRequest_queuedAlert_textsTheStoredMessageAndMarksItSent() {
        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        assertThat(sender.sent).containsExactly(new RecordingSmsSender.Text("+14155550100", TEXT));
        Alert sent = alerts.findById(FIRST).orElseThrow();
        assertThat(sent.status()).isEqualTo(AlertStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(NOW);
        assertThat(deliveries.delivery(FIRST).state()).isEqualTo("SENT");
        assertThat(deliveries.delivery(FIRST).providerMessageId()).isEqualTo("msg-1");
    }

    @Test
    void handleRequest_sameMessageDeliveredTwice_textsOnce() {
        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);
        clock.advance(Duration.ofSeconds(30));

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        assertThat(sender.sent).hasSize(1);
        assertThat(alerts.findById(FIRST).orElseThrow().sentAt()).isEqualTo(NOW);
    }

    @Test
    void handleRequest_twoAlerts_textsBoth() {
        handler.handleRequest(EventFixtures.sns("sns-two-alerts.json"), null);

        assertThat(sender.sent).extracting(RecordingSmsSender.Text::phone).containsExactly("+14155550100", "+46701234567");
    }

    @Test
    void handleRequest_oneMessageNamingThreeAlerts_textsEachOnceInOrder() {
        alerts.save(queued(THIRD, "+447700900123"));

        handler.handleRequest(message(FIRST, SECOND, THIRD), null);
        handler.handleRequest(message(FIRST, SECOND, THIRD), null);

        assertThat(sender.sent).extracting(RecordingSmsSender.Text::phone)
                .containsExactly("+14155550100", "+46701234567", "+447700900123");
        assertThat(alerts.all()).allSatisfy(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.SENT));
    }

    @Test
    void handleRequest_groupWithAnUnknownAndAnAlreadySentAlert_textsOnlyTheQueuedOne() {
        handler.handleRequest(message(FIRST), null);

        handler.handleRequest(message(FIRST, "01a20b5a-c93a-7009-8000-0000000000ff", SECOND), null);

        assertThat(sender.sent).extracting(RecordingSmsSender.Text::phone).containsExactly("+14155550100", "+46701234567");
    }

    @Test
    void handleRequest_carrierUnavailableMidGroup_releasesTheRestAndTheRetrySendsThemAtOnce() {
        alerts.save(queued(THIRD, "+447700900123"));
        sender.failures.add(() -> null); // the first text goes out
        sender.failures.add(() -> new SmsUnavailableException("throttled", null));

        assertThatThrownBy(() -> handler.handleRequest(message(FIRST, SECOND, THIRD), null))
                .isInstanceOf(SmsUnavailableException.class);
        assertThat(deliveries.delivery(SECOND)).isNull();
        assertThat(deliveries.delivery(THIRD)).as("released, not left to its lease").isNull();

        handler.handleRequest(message(FIRST, SECOND, THIRD), null);

        assertThat(sender.sent).extracting(RecordingSmsSender.Text::phone)
                .containsExactly("+14155550100", "+46701234567", "+447700900123");
    }

    @Test
    void handleRequest_invocationRunningOutOfTime_startsNoTextAndReleasesItsClaims() {
        Context almostOver = DeadlineContext.withRemainingMillis((int) SmsService.SEND_MARGIN.toMillis() - 1);

        assertThatThrownBy(() -> handler.handleRequest(message(FIRST, SECOND), almostOver))
                .isInstanceOf(SmsUnavailableException.class).hasMessageContaining("running out of time");

        assertThat(sender.sent).isEmpty();
        assertThat(deliveries.delivery(FIRST)).isNull();
        assertThat(deliveries.delivery(SECOND)).isNull();
        handler.handleRequest(message(FIRST, SECOND), DeadlineContext.withRemainingMillis(30_000));
        assertThat(sender.sent).hasSize(2);
    }

    @Test
    void handleRequest_invocationKilledMidGroup_leavesAtMostOneChunkClaimedAndTheRestUnclaimed() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = "01a20b5a-c93b-7000-8000-0000000001%02d".formatted(i);
            alerts.save(queued(id, "+1415555%04d".formatted(i)));
            ids.add(id);
        }
        for (int i = 0; i < 11; i++) {
            sender.failures.add(() -> null); // texts 1 to 11 go out
        }
        sender.failures.add(() -> {
            throw new InvocationKilled();
        });

        assertThatThrownBy(() -> handler.handleRequest(message(ids.toArray(String[]::new)), null))
                .isInstanceOf(InvocationKilled.class);

        assertThat(sender.sent).hasSize(11);
        long held = ids.stream().filter(id -> deliveries.delivery(id) != null
                && deliveries.delivery(id).state().equals("CLAIMED")).count();
        assertThat(held).as("claimed, unsent: the rest of the second chunk").isEqualTo(9)
                .isLessThanOrEqualTo(SmsService.CLAIM_CHUNK);
        assertThat(ids.subList(20, 25)).allSatisfy(id -> assertThat(deliveries.delivery(id)).isNull());
    }

    @Test
    void handleRequest_carrierRejects_marksFailedWithTheReasonAndDoesNotAskForRetry() {
        sender.failures.add(() -> new SmsRejectedException("InvalidParameter: Invalid parameter: PhoneNumber", null));

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        Alert failed = alerts.findById(FIRST).orElseThrow();
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("InvalidParameter: Invalid parameter: PhoneNumber");
        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void handleRequest_carrierUnavailable_failsTheInvocationAndTheRetrySends() {
        sender.failures.add(() -> new SmsUnavailableException("SNS answered 503", null));

        assertThatThrownBy(() -> handler.handleRequest(EventFixtures.sns("sns-alert.json"), null))
                .isInstanceOf(SmsUnavailableException.class);
        assertThat(alerts.findById(FIRST).orElseThrow().status()).isEqualTo(AlertStatus.QUEUED);

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        assertThat(sender.sent).hasSize(1);
        assertThat(alerts.findById(FIRST).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
    }

    @Test
    void handleRequest_oneOfTwoUnavailable_sendsTheOtherThenTheRetrySendsOnlyTheMissingOne() {
        sender.failures.add(() -> new SmsUnavailableException("throttled", null));

        assertThatThrownBy(() -> handler.handleRequest(EventFixtures.sns("sns-two-alerts.json"), null))
                .isInstanceOf(SmsUnavailableException.class);
        assertThat(sender.sent).extracting(RecordingSmsSender.Text::phone).containsExactly("+46701234567");

        handler.handleRequest(EventFixtures.sns("sns-two-alerts.json"), null);

        assertThat(sender.sent).extracting(RecordingSmsSender.Text::phone).containsExactly("+46701234567", "+14155550100");
    }

    @Test
    void handleRequest_unexpectedSenderFailure_isTreatedAsRetryable() {
        sender.failures.add(() -> new IllegalStateException("connection reset"));

        assertThatThrownBy(() -> handler.handleRequest(EventFixtures.sns("sns-alert.json"), null))
                .isInstanceOf(SmsUnavailableException.class);
        assertThat(deliveries.delivery(FIRST)).isNull();
    }

    @Test
    void handleRequest_invocationDiedBetweenClaimAndSend_isSentByARedeliveryOnceItsDeadlineAndMarginHavePassed() {
        dieBetweenClaimAndSend(DeadlineContext.withRemainingMillis(30_000));
        clock.advance(Duration.ofSeconds(30).plus(ClaimLease.MARGIN).plusMillis(1));

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), DeadlineContext.withRemainingMillis(30_000));

        assertThat(sender.sent).hasSize(1);
        assertThat(alerts.findById(FIRST).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
    }

    @Test
    void handleRequest_claimerMayStillBeRunning_redeliveryTextsNobody() {
        dieBetweenClaimAndSend(DeadlineContext.withRemainingMillis(30_000));
        clock.advance(Duration.ofSeconds(30).plus(ClaimLease.MARGIN));

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), DeadlineContext.withRemainingMillis(30_000));

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void handleRequest_claimTakenLateInAnInvocation_expiresWithThatInvocationsDeadline() {
        dieBetweenClaimAndSend(DeadlineContext.withRemainingMillis(6_000));
        clock.advance(Duration.ofSeconds(6).plus(ClaimLease.MARGIN).plusMillis(1));

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), DeadlineContext.withRemainingMillis(30_000));

        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void handleRequest_claimWithoutAContext_isHeldAsLongAsAnyLambdaMayRun() {
        dieBetweenClaimAndSend(null);
        clock.advance(ClaimLease.LONGEST_INVOCATION);

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), DeadlineContext.withRemainingMillis(30_000));

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void handleRequest_freshClaimOfAnotherInvocation_isLeftAlone() {
        deliveries.claim(FIRST, NOW.minusSeconds(5), NOW.plusSeconds(25));

        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void handleRequest_sentButRecordingFails_keepsTheClaimSoARedeliveryDoesNotTextAgain() {
        SmsHandler flakyDb = new SmsHandler(alerts, new FailingMarkSent(deliveries), sender, clock);

        assertThatThrownBy(() -> flakyDb.handleRequest(EventFixtures.sns("sns-alert.json"), null))
                .isInstanceOf(DataAccessException.class);
        handler.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void handleRequest_unknownAlert_isDroppedWithoutRetry() {
        InMemoryAlertRepository empty = new InMemoryAlertRepository();
        SmsHandler noAlerts = new SmsHandler(empty, new InMemorySmsDeliveryRepository(empty), sender, clock);

        noAlerts.handleRequest(EventFixtures.sns("sns-alert.json"), null);

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void handleRequest_messageThatIsNotAnAlert_isDroppedWithoutSending() {
        handler.handleRequest(EventFixtures.sns("sns-not-an-alert.json"), null);

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void handleRequest_noRecords_doesNothing() {
        handler.handleRequest(new SNSEvent(), null);

        assertThat(sender.sent).isEmpty();
    }

    /** An invocation that claims the first alert, then dies before the carrier has the text (its claim stays held). */
    private void dieBetweenClaimAndSend(Context context) {
        sender.failures.add(() -> {
            throw new InvocationKilled();
        });
        assertThatThrownBy(() -> handler.handleRequest(EventFixtures.sns("sns-alert.json"), context))
                .isInstanceOf(InvocationKilled.class);
        assertThat(deliveries.delivery(FIRST).state()).isEqualTo("CLAIMED");
    }

    /** One topic message naming these alerts, as AlertsHandler publishes it. */
    private static SNSEvent message(String... alertIds) {
        SNSEvent.SNS sns = new SNSEvent.SNS().withMessageId("message-1")
                .withMessage(new AlertMessage(List.of(alertIds)).toJson());
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(sns)));
    }

    private static Alert queued(String alertId, String phone) {
        return new Alert(alertId, "01a20b5a-c939-7000-8000-000000000001", "UA123", LocalDate.of(2026, 12, 24),
                NotificationType.CANCELLED, "01a20b5a-c938-7000-8000-000000000001", "Ada Lovelace", phone, TEXT,
                AlertStatus.QUEUED, NOW.minusSeconds(5), null, null);
    }

    /**
     * Stands for the platform killing the invocation mid-send: an Error, which the service does not
     * treat as a carrier failure, so it does not release the claim.
     */
    private static final class InvocationKilled extends Error {
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Delegates, but loses the database exactly when the sent SMS is to be recorded. */
    private record FailingMarkSent(SmsDeliveryRepository delegate) implements SmsDeliveryRepository {

        @Override
        public boolean claim(String alertId, Instant now, Instant leaseUntil) {
            return delegate.claim(alertId, now, leaseUntil);
        }

        @Override
        public void markSent(String alertId, String providerMessageId, Instant sentAt) {
            throw new DataAccessException("record sms sent", new SQLException("Connection reset"));
        }

        @Override
        public void markFailed(String alertId, String failureReason, Instant failedAt) {
            delegate.markFailed(alertId, failureReason, failedAt);
        }

        @Override
        public void release(String alertId) {
            delegate.release(alertId);
        }
    }
}
