package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.messaging.AlertMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits alerts into the groups that one topic message each carries. A message holds alerts of one
 * notification type only (the type is its filter-policy attribute) and at most
 * {@link AlertMessage#MAX_ALERTS}; a large fan-out is spread over at least {@link #SPREAD} messages,
 * so every instance of the SMS function gets a share of it rather than a few instances all of it.
 */
final class AlertGroups {

    /** Twice the platform's default concurrency per function (10): instances that finish early take more work. */
    static final int SPREAD = 20;

    private AlertGroups() {
    }

    static List<List<Alert>> of(List<Alert> alerts) {
        Map<NotificationType, List<Alert>> byType = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            byType.computeIfAbsent(alert.type(), type -> new ArrayList<>()).add(alert);
        }
        List<List<Alert>> groups = new ArrayList<>();
        for (List<Alert> sameType : byType.values()) {
            int size = Math.min(AlertMessage.MAX_ALERTS, Math.max(1, ceilDiv(sameType.size(), SPREAD)));
            for (int start = 0; start < sameType.size(); start += size) {
                groups.add(sameType.subList(start, Math.min(start + size, sameType.size())));
            }
        }
        return groups;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
