package com.flightwatch.common.testing;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.repository.AlertQuery;
import com.flightwatch.common.repository.AlertRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link AlertRepository} in memory, ordered by alert id like the JDBC one (ascii_bin collation). */
public final class InMemoryAlertRepository implements AlertRepository {

    private final ConcurrentSkipListMap<String, Alert> alerts = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Alert> findById(String alertId) {
        return Optional.ofNullable(alerts.get(alertId));
    }

    @Override
    public List<Alert> findByIds(List<String> alertIds) {
        return alertIds.stream().map(alerts::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<Alert> find(AlertQuery query) {
        var candidates = query.afterAlertId() == null ? alerts : alerts.tailMap(query.afterAlertId(), false);
        return candidates.values().stream()
                .filter(a -> !query.byFlight() || a.flightNumber().equals(query.flightNumber())
                        && a.departureDate().equals(query.departureDate()))
                .filter(a -> query.notificationId() == null || a.notificationId().equals(query.notificationId()))
                .filter(a -> query.status() == null || a.status() == query.status())
                .limit(query.limit())
                .toList();
    }

    @Override
    public List<Alert> findQueuedBefore(Instant createdBefore, int limit) {
        return alerts.values().stream()
                .filter(a -> a.status() == AlertStatus.QUEUED && a.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(Alert::createdAt))
                .limit(limit)
                .toList();
    }

    public void save(Alert alert) {
        alerts.put(alert.alertId(), alert);
    }

    public List<Alert> all() {
        return List.copyOf(alerts.values());
    }
}
