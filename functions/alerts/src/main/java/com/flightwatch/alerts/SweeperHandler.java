package com.flightwatch.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.flightwatch.common.aws.SnsClients;
import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.repository.AlertRepository;
import com.flightwatch.common.repository.JdbcAlertRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on a schedule (every minute) and publishes again the alerts still QUEUED a grace period
 * after they were created: those whose publish was lost between the commit and SNS (a crash, an
 * unreachable topic). The SMS function is idempotent per alert id, so an alert published twice is
 * still texted once.
 */
public final class SweeperHandler implements RequestHandler<ScheduledEvent, SweeperHandler.SweepResult> {

    /** Longer than a fan-out takes to publish, so the sweeper does not race the first publish. */
    static final Duration GRACE = Duration.ofMinutes(2);
    /** One run publishes at most this many; the next run takes the rest. */
    static final int MAX_PER_RUN = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(SweeperHandler.class);

    /** What one run did: alerts found still QUEUED, and how many of them were published again. */
    public record SweepResult(int found, int republished) {
    }

    private final AlertRepository alerts;
    private final AlertPublisher publisher;
    private final Clock clock;

    public SweeperHandler() {
        this(Config.fromEnvironment());
    }

    private SweeperHandler(Config config) {
        this(config, config.requireAlertsTopicArn());
    }

    /** The topic is checked first: a missing ALERTS_TOPIC_ARN should fail before any connection is made. */
    private SweeperHandler(Config config, String topicArn) {
        this(new JdbcAlertRepository(Database.dataSource(config)), new SnsAlertPublisher(SnsClients.create(config), topicArn),
                Clock.systemUTC());
    }

    public SweeperHandler(AlertRepository alerts, AlertPublisher publisher, Clock clock) {
        this.alerts = alerts;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public SweepResult handleRequest(ScheduledEvent event, Context context) {
        List<Alert> stuck = alerts.findQueuedBefore(clock.instant().minus(GRACE), MAX_PER_RUN);
        if (stuck.isEmpty()) {
            return new SweepResult(0, 0);
        }
        int republished = publisher.publish(stuck);
        LOG.info("Republished {} of {} alert(s) still QUEUED after {}", republished, stuck.size(), GRACE);
        return new SweepResult(stuck.size(), republished);
    }
}
