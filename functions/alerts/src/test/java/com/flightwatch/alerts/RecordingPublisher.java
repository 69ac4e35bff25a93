package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import java.util.ArrayList;
import java.util.List;

/** An {@link AlertPublisher} that remembers what it was given; set {@code reachable} false to lose everything. */
final class RecordingPublisher implements AlertPublisher {

    final List<List<Alert>> calls = new ArrayList<>();
    boolean reachable = true;

    @Override
    public int publish(List<Alert> alerts) {
        calls.add(List.copyOf(alerts));
        return reachable ? alerts.size() : 0;
    }

    List<String> publishedIds() {
        return calls.stream().flatMap(List::stream).map(Alert::alertId).toList();
    }
}
