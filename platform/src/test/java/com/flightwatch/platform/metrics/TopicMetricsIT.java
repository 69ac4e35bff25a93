package com.flightwatch.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.sns.Eventually;
import com.flightwatch.platform.sns.PublishRequest;
import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.SnsSettings;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topics on the real database report each publish, delivery, retry, dead letter and SMS exactly once. */
class TopicMetricsIT {

    private static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";

    private static EmbeddedMariaDb database;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        database = TestMariaDb.startFresh("topic-metrics");
        dataSource = PlatformDatabase.open(database.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
    }

    @AfterAll
    static void stopDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void publish_toAWorkingAndAFailingSubscriber_countsDeliveriesRetriesAndDeadLetters() throws Exception {
        try (PlatformMetrics metrics = new PlatformMetrics();
             SnsService sns = new SnsService(dataSource, new RecordingInvoker(),
                     SnsSettings.defaults().withRetries(2, Duration.ofMillis(20)), metrics.topics())) {
            MeterRegistry registry = metrics.registry();
            String topic = sns.createTopic("observed");
            sns.subscribe(topic, "lambda", FUNCTIONS + "ok-observed");
            sns.subscribe(topic, "lambda", FUNCTIONS + "failing-observed");
            sns.start();

            sns.publish(PublishRequest.toTopic(topic, "one"));
            sns.publish(PublishRequest.toTopic(topic, "two"));
            sns.publish(PublishRequest.toPhone("+14155550100", "an SMS"));

            Eventually.await(Duration.ofSeconds(20), "both messages delivered to one subscriber and dead-lettered at"
                    + " the other", () -> count(registry, MetricNames.TOPIC_DELIVERIES) == 2
                    && count(registry, MetricNames.TOPIC_DEAD_LETTERS) == 2);
            assertThat(count(registry, MetricNames.TOPIC_PUBLISHED)).isEqualTo(2);
            // Two retries each (retries = 2) before the third attempt dead-letters it.
            assertThat(count(registry, MetricNames.TOPIC_RETRIES)).isEqualTo(4);
            assertThat(registry.get(MetricNames.TOPIC_DEAD_LETTERS).tags("topic", "observed", "protocol", "lambda")
                    .counter().count()).isEqualTo(2);
            assertThat(count(registry, MetricNames.SMS_SENT)).isEqualTo(1);
        }
    }

    private static double count(MeterRegistry registry, String name) {
        return Search.in(registry).name(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }
}
