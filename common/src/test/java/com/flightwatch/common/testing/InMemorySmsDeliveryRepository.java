package com.flightwatch.common.testing;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.repository.SmsDeliveryRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link SmsDeliveryRepository} in memory; updates the alerts of the given {@link InMemoryAlertRepository}. */
public final class InMemorySmsDeliveryRepository implements SmsDeliveryRepository {

    /** The dedup row of one alert. */
    public record Delivery(String state, Instant claimedAt, Instant leaseUntil, String providerMessageId) {
    }

    private final InMemoryAlertRepository alerts;
    private final Map<String, Delivery> deliveries = new HashMap<>();

    public InMemorySmsDeliveryRepository(InMemoryAlertRepository alerts) {
        this.alerts = alerts;
    }

    @Override
    public synchronized boolean claim(String alertId, Instant now, Instant leaseUntil) {
        Delivery existing = deliveries.get(alertId);
        boolean stale = existing != null && existing.state().equals("CLAIMED") && existing.leaseUntil().isBefore(now);
        if (existing == null || stale) {
            deliveries.put(alertId, new Delivery("CLAIMED", now, leaseUntil, null));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void markSent(String alertId, String providerMessageId, Instant sentAt) {
        deliveries.put(alertId, new Delivery("SENT", deliveries.get(alertId).claimedAt(), null, providerMessageId));
        Alert alert = alerts.findById(alertId).orElseThrow();
        alerts.save(alert.sent(sentAt));
    }

    @Override
    public synchronized void markFailed(String alertId, String failureReason, Instant failedAt) {
        deliveries.put(alertId, new Delivery("FAILED", deliveries.get(alertId).claimedAt(), null, null));
        Alert alert = alerts.findById(alertId).orElseThrow();
        alerts.save(alert.failed(failureReason));
    }

    @Override
    public synchronized void release(String alertId) {
        deliveries.computeIfPresent(alertId, (id, delivery) -> delivery.state().equals("CLAIMED") ? null : delivery);
    }

    public synchronized Delivery delivery(String alertId) {
        return deliveries.get(alertId);
    }
}
