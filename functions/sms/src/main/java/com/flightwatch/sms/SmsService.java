package com.flightwatch.sms;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.repository.AlertRepository;
import com.flightwatch.common.repository.SmsDeliveryRepository;
import com.flightwatch.common.sms.Phones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the SMS of a group of alerts, each at most once: the deliveries are claimed in the database
 * (one transaction for every {@link #CLAIM_CHUNK} alerts) before the carrier is called, so a redelivered topic message finds
 * the claims and texts nobody twice. The texts of a group go one after the other, each recorded
 * before the next is sent: a crash can then leave at most one text per invocation sent but not
 * recorded, the only way a passenger may be texted twice.
 */
public final class SmsService {

    /** What became of the alerts of one message. */
    public record Outcomes(int sent, int failed, int alreadyHandled, int unknown) {
    }

    /**
     * Left of the invocation's time, below which no further text is started: one send and its record
     * fit in it. What is not started is released for the redelivery.
     */
    static final Duration SEND_MARGIN = Duration.ofSeconds(5);
    /**
     * Alerts claimed at a time (one transaction): few enough that a crash leaves only a handful
     * claimed but unsent per invocation (they wait for the claim's lease and the sweeper), many
     * enough that the claims cost a commit per ten texts, not per text.
     */
    static final int CLAIM_CHUNK = 10;
    private static final Logger LOG = LoggerFactory.getLogger(SmsService.class);

    private final AlertRepository alerts;
    private final SmsDeliveryRepository deliveries;
    private final SmsSender sender;
    private final Clock clock;

    public SmsService(AlertRepository alerts, SmsDeliveryRepository deliveries, SmsSender sender, Clock clock) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * @param timeLeft how long the calling invocation may still run: its claims are held that long (plus
     *                 {@link ClaimLease#MARGIN}), after which a redelivery may claim the alerts again
     * @throws SmsUnavailableException when sending should be tried again later; the alerts not sent by
     *                                 then are released for that retry
     */
    public Outcomes deliver(List<String> alertIds, Supplier<Duration> timeLeft) {
        List<Alert> found = alerts.findByIds(alertIds);
        int unknown = alertIds.size() - found.size();
        if (unknown > 0) {
            LOG.warn("{} of {} alert(s) do not exist; dropped", unknown, alertIds.size());
        }
        List<Alert> queued = found.stream().filter(alert -> alert.status() == AlertStatus.QUEUED).toList();
        int alreadyHandled = found.size() - queued.size();
        int sent = 0;
        int failed = 0;
        for (int from = 0; from < queued.size(); from += CLAIM_CHUNK) {
            List<Alert> chunk = queued.subList(from, Math.min(from + CLAIM_CHUNK, queued.size()));
            List<Alert> claimed = claim(chunk, timeLeft);
            alreadyHandled += chunk.size() - claimed.size();
            for (int i = 0; i < claimed.size(); i++) {
                if (timeLeft.get().compareTo(SEND_MARGIN) < 0) {
                    releaseQuietly(claimed.subList(i, claimed.size()));
                    throw new SmsUnavailableException("The invocation is running out of time with "
                            + (queued.size() - from - i) + " text(s) still to send", null);
                }
                try {
                    if (send(claimed.get(i))) {
                        sent++;
                    } else {
                        failed++;
                    }
                } catch (RuntimeException e) {
                    releaseQuietly(claimed.subList(i + 1, claimed.size()));
                    throw e;
                }
            }
        }
        if (alreadyHandled > 0) {
            LOG.info("{} alert(s) already handled or claimed; duplicate delivery ignored", alreadyHandled);
        }
        return new Outcomes(sent, failed, alreadyHandled, unknown);
    }

    /** The alerts of {@code chunk} this invocation now holds, in their order. */
    private List<Alert> claim(List<Alert> chunk, Supplier<Duration> timeLeft) {
        Instant now = now();
        Set<String> claimed = deliveries.claimAll(chunk.stream().map(Alert::alertId).toList(), now,
                ClaimLease.until(now, timeLeft.get()));
        return chunk.stream().filter(alert -> claimed.contains(alert.alertId())).toList();
    }

    /** @return true if sent, false if the carrier refused it for good */
    private boolean send(Alert alert) {
        String alertId = alert.alertId();
        String messageId;
        try {
            messageId = sender.send(alert.phone(), alert.message());
        } catch (SmsRejectedException e) {
            deliveries.markFailed(alertId, e.getMessage(), now());
            LOG.warn("Alert {} to {} rejected: {}", alertId, Phones.mask(alert.phone()), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            deliveries.release(alertId);
            throw e instanceof SmsUnavailableException unavailable ? unavailable
                    : new SmsUnavailableException("Sending alert " + alertId + " failed: " + e.getMessage(), e);
        }
        // Past this point the text is out: a failure to record it must not release the claim, or a
        // redelivery would text the passenger again. The alert then stays QUEUED, with the claim held.
        try {
            deliveries.markSent(alertId, messageId, now());
        } catch (RuntimeException e) {
            LOG.error("Alert {} was sent as {} but recording it failed", alertId, messageId, e);
            throw e;
        }
        LOG.info("Alert {} sent to {} as {}", alertId, Phones.mask(alert.phone()), messageId);
        return true;
    }

    /** Gives the claims not yet acted on back, so the redelivery sends them now rather than after their lease. */
    private void releaseQuietly(List<Alert> notStarted) {
        Set<String> released = new HashSet<>();
        for (Alert alert : notStarted) {
            try {
                deliveries.release(alert.alertId());
                released.add(alert.alertId());
            } catch (RuntimeException e) {
                LOG.warn("Releasing the claim of alert {} failed; it waits for its lease: {}", alert.alertId(),
                        e.getMessage());
            }
        }
        if (!released.isEmpty()) {
            LOG.info("Released {} claim(s) not yet sent, for the redelivery", released.size());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
