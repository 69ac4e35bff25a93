package com.flightwatch.alerts;

import com.flightwatch.common.domain.Alert;
import java.util.List;

/** Puts alerts on the alerts topic, for the SMS function: one message names one or more alerts. */
public interface AlertPublisher {

    /**
     * Publishes what it can and never throws: alerts it could not publish stay QUEUED in the
     * database, for a sweeper to publish again.
     *
     * @return how many alerts were published
     */
    int publish(List<Alert> alerts);
}
