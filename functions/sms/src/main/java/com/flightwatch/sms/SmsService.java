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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the SMS of one alert at most once: the delivery is claimed in the database before the
 * carrier is called, so a redelivered topic message finds the claim and texts nobody twice.
 */
public final class SmsService {

    /** What became of one alert message. */
    public enum Outcome {
        SENT,
        FAILED,
        ALREADY_HANDLED,
        UNKNOWN_ALERT
    }

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
     * @param timeLeft how long the calling invocation may still run: its claim is held that long (plus
     *                 {@link ClaimLease#MARGIN}), after which a redelivery may claim the alert again
     * @throws SmsUnavailableException when sending should be tried again later
     */
    public Outcome deliver(String alertId, Duration timeLeft) {
        Optional<Alert> found = alerts.findById(alertId);
        if (found.isEmpty()) {
            LOG.warn("Alert {} does not exist; message dropped", alertId);
            return Outcome.UNKNOWN_ALERT;
        }
        Alert alert = found.get();
        Instant now = now();
        if (alert.status() != AlertStatus.QUEUED || !deliveries.claim(alertId, now, ClaimLease.until(now, timeLeft))) {
            LOG.info("Alert {} already handled ({}); duplicate delivery ignored", alertId, alert.status());
            return Outcome.ALREADY_HANDLED;
        }
        String messageId;
        try {
            messageId = sender.send(alert.phone(), alert.message());
        } catch (SmsRejectedException e) {
            deliveries.markFailed(alertId, e.getMessage(), now());
            LOG.warn("Alert {} to {} rejected: {}", alertId, Phones.mask(alert.phone()), e.getMessage());
            return Outcome.FAILED;
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
        return Outcome.SENT;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
