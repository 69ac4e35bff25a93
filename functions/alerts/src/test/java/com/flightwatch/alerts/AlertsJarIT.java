package com.flightwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.common.db.Database;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.repository.JdbcFlightRepository;
import com.flightwatch.common.testing.EmbeddedMariaDb;
import com.flightwatch.common.testing.FakeSnsServer;
import com.flightwatch.common.testing.FunctionJar;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** target/alerts.jar on its own against a real MariaDB and SNS on a loopback socket. */
class AlertsJarIT {

    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:flightwatch-alerts";

    @Test
    void alertsJar_alone_storesAlertsAndPublishesOneMessageEachThroughTheSdk() throws Exception {
        try (EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(); FakeSnsServer sns = FakeSnsServer.start()) {
            seedFlightWithPassengers(mariaDb, 12);

            FunctionJar.Result result = FunctionJar.run(Path.of("target", "alerts.jar"),
                    Path.of("src", "test", "smoke", "InvokeAlerts.java"),
                    Map.of("DB_URL", mariaDb.jdbcUrl("flightwatch"), "DB_USER", "root", "ALERTS_TOPIC_ARN", TOPIC,
                            "AWS_ENDPOINT_URL", sns.endpoint().toString(), "AWS_REGION", "us-east-1"),
                    Duration.ofMinutes(2));

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("SMOKE accepted 202 ", "\"alertsIssued\":12", "SMOKE listed 200 ")
                    .contains("\"phone\":\"+1415*****00\"")
                    .doesNotContain("+14155550100");
            List<Map<String, String>> batches = sns.requests("PublishBatch");
            assertThat(batches).hasSize(2).allSatisfy(batch -> assertThat(batch).containsEntry("TopicArn", TOPIC));
            Map<String, String> first = batches.get(0);
            assertThat(first).containsKey("PublishBatchRequestEntries.member.10.Id")
                    .containsEntry("PublishBatchRequestEntries.member.1.Message",
                            "{\"alertId\":\"" + first.get("PublishBatchRequestEntries.member.1.Id") + "\"}")
                    .containsEntry("PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name", "notificationType")
                    .containsEntry("PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue",
                            "DELAYED");
            assertThat(batches.get(1)).containsKey("PublishBatchRequestEntries.member.2.Id")
                    .doesNotContainKey("PublishBatchRequestEntries.member.3.Id");
        }
    }

    private static void seedFlightWithPassengers(EmbeddedMariaDb mariaDb, int count) {
        try (HikariDataSource dataSource = Database.dataSource(mariaDb.config("flightwatch"))) {
            Instant now = Instant.now();
            Flight flight = new Flight(Ids.newId(), "UA123", LocalDate.of(2026, 12, 24), "JFK", "SFO", now, now);
            List<Passenger> passengers = IntStream.range(0, count)
                    .mapToObj(i -> new Passenger(Ids.newId(), flight.flightId(), "Ada", "Lovelace", "ada@example.com",
                            String.format("+1415555%04d", i * 100), now))
                    .toList();
            new JdbcFlightRepository(dataSource).create(flight, passengers);
        }
    }
}
