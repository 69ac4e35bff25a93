package com.flightwatch.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.common.db.Database;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Notification;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.repository.JdbcAlertRepository;
import com.flightwatch.common.repository.JdbcFlightRepository;
import com.flightwatch.common.repository.JdbcNotificationRepository;
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
import org.junit.jupiter.api.Test;

/** target/sms.jar on its own against a real MariaDB and SNS on a loopback socket. */
class SmsJarIT {

    private static final String TEXT = "Flightwatch: UA123 on 24 Dec is CANCELLED: Weather at JFK. Reply HELP for help.";

    @Test
    void smsJar_alone_textsOnceThroughTheSdkEvenWhenTheMessageComesTwice() throws Exception {
        try (EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(); FakeSnsServer sns = FakeSnsServer.start();
                HikariDataSource dataSource = Database.dataSource(mariaDb.config("flightwatch"))) {
            Alert alert = seedQueuedAlert(dataSource);

            FunctionJar.Result result = FunctionJar.run(Path.of("target", "sms.jar"),
                    Path.of("src", "test", "smoke", "InvokeSms.java"),
                    Map.of("DB_URL", mariaDb.jdbcUrl("flightwatch"), "DB_USER", "root", "DB_MIGRATE", "false",
                            "AWS_ENDPOINT_URL", sns.endpoint().toString(), "SMOKE_ALERT_ID", alert.alertId()),
                    Duration.ofMinutes(2));

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("SMOKE redelivery done", "sent to +1415*****00")
                    .doesNotContain("+14155550100");
            List<Map<String, String>> texts = sns.requests("Publish");
            assertThat(texts).hasSize(1);
            assertThat(texts.get(0)).containsEntry("PhoneNumber", "+14155550100").containsEntry("Message", TEXT)
                    .doesNotContainKey("TopicArn");
            Alert sent = new JdbcAlertRepository(dataSource).findById(alert.alertId()).orElseThrow();
            assertThat(sent.status()).isEqualTo(AlertStatus.SENT);
            assertThat(sent.sentAt()).isNotNull();
        }
    }

    private static Alert seedQueuedAlert(HikariDataSource dataSource) {
        Instant now = Instant.now();
        Flight flight = new Flight(Ids.newId(), "UA123", LocalDate.of(2026, 12, 24), "JFK", "SFO", now, now);
        Passenger passenger = new Passenger(Ids.newId(), flight.flightId(), "Ada", "Lovelace", "ada@example.com",
                "+14155550100", now);
        new JdbcFlightRepository(dataSource).create(flight, List.of(passenger));
        Notification notification = new Notification(Ids.newId(), flight.flightId(), "UA123", flight.departureDate(),
                NotificationType.CANCELLED, "Weather at JFK", null, null, now);
        Alert alert = new Alert(Ids.newId(), notification.notificationId(), "UA123", flight.departureDate(),
                NotificationType.CANCELLED, passenger.passengerId(), passenger.fullName(), passenger.phone(), TEXT,
                AlertStatus.QUEUED, now, null, null);
        new JdbcNotificationRepository(dataSource).createWithAlerts(notification, List.of(alert), null);
        return alert;
    }
}
