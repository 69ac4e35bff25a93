package com.flightwatch.common.repository;

import com.flightwatch.common.domain.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading alerts; they are created with their notification (NotificationRepository). */
public interface AlertRepository {

    Optional<Alert> findById(String alertId);

    /** The alerts of these ids that exist, in the order of the ids. */
    List<Alert> findByIds(List<String> alertIds);

    /** At most {@code query.limit()} alerts, ordered by alert id. */
    List<Alert> find(AlertQuery query);

    /** Alerts still QUEUED that were created before {@code createdBefore}: for a sweeper to republish. */
    List<Alert> findQueuedBefore(Instant createdBefore, int limit);
}
