package com.flightwatch.common.testing;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.Notification;
import com.flightwatch.common.repository.IdempotentResponse;
import com.flightwatch.common.repository.NotificationRepository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link NotificationRepository} in memory; its alerts land in the given {@link InMemoryAlertRepository}. */
public final class InMemoryNotificationRepository implements NotificationRepository {

    private final InMemoryAlertRepository alerts;
    private final Map<String, Notification> notifications = new LinkedHashMap<>();
    private final Map<String, IdempotentResponse> responses = new HashMap<>();

    public InMemoryNotificationRepository(InMemoryAlertRepository alerts) {
        this.alerts = alerts;
    }

    @Override
    public synchronized Optional<IdempotentResponse> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(responses.get(idempotencyKey));
    }

    @Override
    public synchronized Optional<IdempotentResponse> createWithAlerts(Notification notification, List<Alert> newAlerts,
            IdempotentResponse response) {
        String key = notification.idempotencyKey();
        if (key != null && responses.containsKey(key)) {
            return Optional.of(responses.get(key));
        }
        notifications.put(notification.notificationId(), notification);
        if (key != null) {
            responses.put(key, response);
        }
        newAlerts.forEach(alerts::save);
        return Optional.empty();
    }

    public synchronized List<Notification> all() {
        return List.copyOf(notifications.values());
    }
}
