package com.flightwatch.common.repository;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dedup record of SMS sending, one per alert. Topics deliver at least once; claiming before
 * sending is what makes a redelivered message text nobody twice.
 */
public interface SmsDeliveryRepository {

    /**
     * Claims the right to send the alert's SMS until {@code leaseUntil}, the last moment its caller
     * may still be running. True for exactly one caller, unless the earlier claim was never completed
     * and its lease ended before {@code now}: its holder can no longer be running.
     */
    boolean claim(String alertId, Instant now, Instant leaseUntil);

    /**
     * {@link #claim} for each of the alerts, as one unit of work where the store has transactions.
     *
     * @return the ids this caller now holds
     */
    default Set<String> claimAll(List<String> alertIds, Instant now, Instant leaseUntil) {
        Set<String> claimed = new LinkedHashSet<>();
        for (String alertId : alertIds) {
            if (claim(alertId, now, leaseUntil)) {
                claimed.add(alertId);
            }
        }
        return claimed;
    }

    /** Completes the claim and marks the alert SENT, in one transaction. */
    void markSent(String alertId, String providerMessageId, Instant sentAt);

    /** Completes the claim and marks the alert FAILED with the reason, in one transaction. */
    void markFailed(String alertId, String failureReason, Instant failedAt);

    /** Gives up an uncompleted claim so that a retry can send (after a transient failure). */
    void release(String alertId);
}
