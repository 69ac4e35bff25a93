package com.flightwatch.common.repository;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.Notification;
import java.util.List;
import java.util.Optional;

/** Notifications, created together with their alerts. */
public interface NotificationRepository {

    Optional<IdempotentResponse> findByIdempotencyKey(String idempotencyKey);

    /**
     * Stores the notification and all its alerts in one transaction, with {@code response} (null
     * when the request had no idempotency key). When another request stored the same idempotency
     * key first, stores nothing and returns that request's response.
     */
    Optional<IdempotentResponse> createWithAlerts(Notification notification, List<Alert> alerts,
            IdempotentResponse response);
}
