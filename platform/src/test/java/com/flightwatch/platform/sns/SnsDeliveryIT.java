package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.flightwatch.platform.stack.SubscriptionSpec;
import com.flightwatch.platform.stack.TopicSpec;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Durability of topics: what Publish stored survives a stop, a crash mid-delivery, and concurrent workers. */
class SnsDeliveryIT {

    private static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final SnsSettings SETTINGS = SnsSettings.defaults().withRetries(2, Duration.ofMillis(100));

    private static EmbeddedMariaDb database;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void startDatabase() {
        database = TestMariaDb.startFresh("sns-delivery");
        dataSource = PlatformDatabase.open(database.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
    }

    @AfterAll
    static void stopDatabase() {
        dataSource.close();
        database.close();
    }

    @Test
    void start_whenDeliveryWasPendingAtStop_deliversIt() throws Exception {
        RecordingInvoker invoker = new RecordingInvoker();
        String topicArn;
        String messageId;
        try (SnsService stopped = new SnsService(dataSource, invoker, SETTINGS)) {
            topicArn = stopped.createTopic("pending-at-stop");
            stopped.subscribe(topicArn, "lambda", FUNCTIONS + "ok-after-restart");
            messageId = stopped.publish(PublishRequest.toTopic(topicArn, "stored before the stop"));
            // Never started: the delivery is committed but nobody has attempted it.
        }
        assertThat(invoker.waiting("ok-after-restart")).isZero();

        try (SnsService restarted = new SnsService(dataSource, invoker, SETTINGS)) {
            restarted.start();

            RecordingInvoker.Invocation invocation = invoker.next("ok-after-restart", 10);
            assertThat(invocation).isNotNull();
            assertThat(snsOf(invocation).getMessageId()).isEqualTo(messageId);
            assertThat(snsOf(invocation).getMessage()).isEqualTo("stored before the stop");
        }
    }

    @Test
    void start_whenDeliveryWasLeasedByACrashedWorker_takesItUpAgain() throws Exception {
        RecordingInvoker invoker = new RecordingInvoker();
        try (SnsService crashed = new SnsService(dataSource, invoker, SETTINGS)) {
            String topicArn = crashed.createTopic("leased-at-crash");
            crashed.subscribe(topicArn, "lambda", FUNCTIONS + "ok-after-crash");
            crashed.publish(PublishRequest.toTopic(topicArn, "claimed, never finished"));
        }
        // A worker claims the delivery for an hour and dies: exactly what a killed platform leaves behind.
        List<Delivery> claimed = new DeliveryQueue(dataSource).claimDue(100, Instant.now(), Duration.ofHours(1));
        assertThat(claimed).extracting(Delivery::endpoint).contains(FUNCTIONS + "ok-after-crash");

        try (SnsService restarted = new SnsService(dataSource, invoker, SETTINGS)) {
            restarted.start();

            RecordingInvoker.Invocation invocation = invoker.next("ok-after-crash", 10);
            assertThat(invocation).isNotNull();
            assertThat(snsOf(invocation).getMessage()).isEqualTo("claimed, never finished");
        }
    }

    @Test
    void publish_manyMessagesToTwoSubscribers_deliversEachToEachExactlyOnce() throws Exception {
        RecordingInvoker invoker = new RecordingInvoker();
        try (SnsService sns = new SnsService(dataSource, invoker, SETTINGS)) {
            sns.deploy(List.of(new TopicSpec("Fanout", "fanout", "arn:aws:sns:us-east-1:000000000000:fanout")),
                    List.of(new SubscriptionSpec("A", "arn:aws:sns:us-east-1:000000000000:fanout", "lambda", FUNCTIONS + "ok-fan-a"),
                            new SubscriptionSpec("B", "arn:aws:sns:us-east-1:000000000000:fanout", "lambda", FUNCTIONS + "ok-fan-b"),
                            new SubscriptionSpec("Mail", "arn:aws:sns:us-east-1:000000000000:fanout", "email", "ops@example.com")));
            sns.start();
            int messages = 60;
            Set<String> published = new HashSet<>();
            for (int i = 0; i < messages; i++) {
                published.add(sns.publish(PublishRequest.toTopic("arn:aws:sns:us-east-1:000000000000:fanout", "m" + i)));
            }

            for (String function : List.of("ok-fan-a", "ok-fan-b")) {
                Set<String> received = new HashSet<>();
                for (int i = 0; i < messages; i++) {
                    RecordingInvoker.Invocation invocation = invoker.next(function, 10);
                    assertThat(invocation).as("%s invocation %d", function, i).isNotNull();
                    assertThat(received.add(snsOf(invocation).getMessageId())).as("delivered once").isTrue();
                }
                assertThat(received).isEqualTo(published);
                assertThat(invoker.next(function, 1)).as("no duplicate delivery to %s", function).isNull();
            }
            Eventually.await(Duration.ofSeconds(10), "every delivery to be recorded as done", () -> sns.pendingDeliveries() == 0);
            assertThat(sns.listSubscriptions()).extracting(Subscription::protocol).containsOnly("lambda");
        }
    }

    @Test
    void deploy_whenRunTwice_keepsOneTopicAndOneSubscription() {
        try (SnsService sns = new SnsService(dataSource, new RecordingInvoker(), SETTINGS)) {
            String arn = "arn:aws:sns:us-east-1:000000000000:deployed-twice";
            List<TopicSpec> topics = List.of(new TopicSpec("Topic", "deployed-twice", arn));
            List<SubscriptionSpec> subscriptions = List.of(new SubscriptionSpec("Sub", arn, "lambda", FUNCTIONS + "ok-deployed"));

            sns.deploy(topics, subscriptions);
            sns.deploy(topics, subscriptions);

            assertThat(sns.listTopics()).containsOnlyOnce(arn);
            assertThat(sns.listSubscriptions()).filteredOn(s -> s.topicArn().equals(arn)).hasSize(1);
            assertThat(sns.createTopic("deployed-twice")).isEqualTo(arn);
        }
    }

    private static SNSEvent.SNS snsOf(RecordingInvoker.Invocation invocation) {
        return LambdaEventSerializers.serializerFor(SNSEvent.class, SnsDeliveryIT.class.getClassLoader())
                .fromJson(invocation.eventJson()).getRecords().get(0).getSNS();
    }
}
