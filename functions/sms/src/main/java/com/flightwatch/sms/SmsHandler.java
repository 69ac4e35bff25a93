package com.flightwatch.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.flightwatch.common.aws.SnsClients;
import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.flightwatch.common.messaging.AlertMessage;
import com.flightwatch.common.repository.AlertRepository;
import com.flightwatch.common.repository.JdbcAlertRepository;
import com.flightwatch.common.repository.JdbcSmsDeliveryRepository;
import com.flightwatch.common.repository.SmsDeliveryRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Subscribed to the alerts topic: sends the SMS of every alert each message names. Every record is
 * tried; if any failed for now, the invocation fails at the end so the topic redelivers, and the
 * alerts already sent are skipped then by their delivery claims.
 */
public final class SmsHandler implements RequestHandler<SNSEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SmsHandler.class);

    private final SmsService service;

    public SmsHandler() {
        this(Config.fromEnvironment());
    }

    private SmsHandler(Config config) {
        this(config, Database.dataSource(config));
    }

    private SmsHandler(Config config, DataSource dataSource) {
        this(new JdbcAlertRepository(dataSource), new JdbcSmsDeliveryRepository(dataSource),
                new SnsSmsSender(SnsClients.create(config)), Clock.systemUTC());
    }

    public SmsHandler(AlertRepository alerts, SmsDeliveryRepository deliveries, SmsSender sender, Clock clock) {
        this.service = new SmsService(alerts, deliveries, sender, clock);
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        if (context != null && context.getAwsRequestId() != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        try {
            SmsUnavailableException retryLater = null;
            List<SNSEvent.SNSRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
            for (SNSEvent.SNSRecord record : records) {
                Optional<AlertMessage> message = record.getSNS() == null ? Optional.empty()
                        : AlertMessage.parse(record.getSNS().getMessage());
                if (message.isEmpty()) {
                    // Redelivering a message we cannot read would fail the same way forever.
                    LOG.error("Dropping SNS message {}: not an alert message",
                            record.getSNS() == null ? "?" : record.getSNS().getMessageId());
                    continue;
                }
                List<String> alertIds = message.get().alertIds();
                try {
                    SmsService.Outcomes outcomes = service.deliver(alertIds, () -> ClaimLease.timeLeft(context));
                    LOG.info("Message {}: {} alert(s), {} sent, {} failed, {} already handled, {} unknown",
                            record.getSNS().getMessageId(), alertIds.size(), outcomes.sent(), outcomes.failed(),
                            outcomes.alreadyHandled(), outcomes.unknown());
                } catch (SmsUnavailableException e) {
                    LOG.warn("Message {} ({} alert(s)) not fully sent, will be retried: {}",
                            record.getSNS().getMessageId(), alertIds.size(), e.getMessage());
                    retryLater = retryLater == null ? e : retryLater;
                }
            }
            if (retryLater != null) {
                throw retryLater;
            }
            return null;
        } finally {
            MDC.remove("requestId");
        }
    }
}
