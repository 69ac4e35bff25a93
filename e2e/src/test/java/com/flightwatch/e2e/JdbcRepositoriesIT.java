package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.common.db.Database;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Notification;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.NotFoundException;
import com.flightwatch.common.repository.AlertQuery;
import com.flightwatch.common.repository.IdempotentResponse;
import com.flightwatch.common.repository.JdbcAlertRepository;
import com.flightwatch.common.repository.JdbcFlightRepository;
import com.flightwatch.common.repository.JdbcNotificationRepository;
import com.flightwatch.common.repository.JdbcSmsDeliveryRepository;
import com.flightwatch.common.config.Config;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC repositories and the migrations against a real MariaDB 11.4, through MySQL Connector/J. */
class JdbcRepositoriesIT {

    private static final Instant NOW = Instant.parse("2026-12-24T10:15:30.123Z");
    private static EmbeddedMariaDb mariaDb;
    private static HikariDataSource dataSource;
    private static JdbcFlightRepository flights;
    private static JdbcNotificationRepository notifications;
    private static JdbcAlertRepository alerts;
    private static JdbcSmsDeliveryRepository deliveries;
    private static int flightCounter;

    @BeforeAll
    static void startDatabase() throws Exception {
        Path dataDir = Path.of("target", "repositories-it-db").toAbsolutePath();
        TestDirectories.deleteRecursively(dataDir);
        mariaDb = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(PlatformSettings.defaultBinaryDir(), dataDir, 0));
        Map<String, String> environment = Map.of("DB_URL", mariaDb.jdbcUrl("flightwatch"),
                "DB_USER", EmbeddedMariaDb.USER, "DB_PASSWORD", EmbeddedMariaDb.PASSWORD, "DB_POOL_SIZE", "4");
        dataSource = Database.dataSource(Config.load(environment::get));
        flights = new JdbcFlightRepository(dataSource);
        notifications = new JdbcNotificationRepository(dataSource);
        alerts = new JdbcAlertRepository(dataSource);
        deliveries = new JdbcSmsDeliveryRepository(dataSource);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (dataSource != null) {
            dataSource.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    void migrate_again_appliesNothing() {
        assertThat(Database.migrate(dataSource).migrationsExecuted).isZero();
    }

    @Test
    void create_thenFind_roundTripsEveryField() {
        Flight flight = newFlight();
        List<Passenger> passengers = passengers(flight, 3);

        flights.create(flight, passengers);

        assertThat(flights.findById(flight.flightId())).contains(flight);
        assertThat(flights.findByNumberAndDate(flight.flightNumber(), flight.departureDate())).contains(flight);
        assertThat(flights.passengers(flight.flightId())).containsExactlyElementsOf(passengers);
    }

    @Test
    void create_sameNumberAndDate_isAConflictAndStoresNoPassengers() {
        Flight flight = newFlight();
        flights.create(flight, List.of());
        Flight twin = new Flight(Ids.newId(), flight.flightNumber(), flight.departureDate(), "SFO", "LAX", NOW, NOW);

        assertThatThrownBy(() -> flights.create(twin, passengers(twin, 2))).isInstanceOf(ConflictException.class);
        assertThat(flights.findById(twin.flightId())).isEmpty();
        assertThat(flights.passengers(twin.flightId())).isEmpty();
    }

    @Test
    void addPassengers_toUnknownFlight_isNotFound() {
        Flight ghost = newFlight();

        assertThatThrownBy(() -> flights.addPassengers(ghost.flightId(), passengers(ghost, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void addPassengers_manyInBatches_storesAllInOrder() {
        Flight flight = newFlight();
        flights.create(flight, passengers(flight, 1));

        flights.addPassengers(flight.flightId(), passengers(flight, 1200));

        assertThat(flights.passengers(flight.flightId())).hasSize(1201).isSortedAccordingTo(
                (a, b) -> a.passengerId().compareTo(b.passengerId()));
    }

    @Test
    void createWithAlerts_thenQuery_pagesByAlertIdWithFilters() {
        Flight flight = newFlight();
        List<Passenger> passengers = passengers(flight, 7);
        flights.create(flight, passengers);
        Notification notification = notification(flight, null);
        List<Alert> created = alertsFor(notification, passengers);

        assertThat(notifications.createWithAlerts(notification, created, null)).isEmpty();

        List<Alert> firstPage = alerts.find(new AlertQuery(flight.flightNumber(), flight.departureDate(), null, null, null, 5));
        List<Alert> secondPage = alerts.find(new AlertQuery(flight.flightNumber(), flight.departureDate(), null, null,
                firstPage.get(4).alertId(), 5));
        assertThat(firstPage).hasSize(5);
        assertThat(secondPage).hasSize(2);
        List<Alert> all = new ArrayList<>(firstPage);
        all.addAll(secondPage);
        assertThat(all).containsExactlyElementsOf(created);
        assertThat(alerts.find(new AlertQuery(null, null, notification.notificationId(), AlertStatus.QUEUED, null, 50)))
                .hasSize(7);
        assertThat(alerts.find(new AlertQuery(null, null, notification.notificationId(), AlertStatus.SENT, null, 50)))
                .isEmpty();
        assertThat(alerts.findQueuedBefore(NOW.plusSeconds(1), 1000)).extracting(Alert::alertId)
                .contains(created.get(0).alertId());
    }

    @Test
    void createWithAlerts_sameIdempotencyKeyTwice_storesOnceAndReturnsTheFirstAnswer() {
        Flight flight = newFlight();
        List<Passenger> passengers = passengers(flight, 2);
        flights.create(flight, passengers);
        String key = "key-" + Ids.newId();
        IdempotentResponse first = new IdempotentResponse(key, "a".repeat(64), 202, "{\"first\":true}");
        Notification original = notification(flight, key);
        Notification repeat = notification(flight, key);

        assertThat(notifications.createWithAlerts(original, alertsFor(original, passengers), first)).isEmpty();
        assertThat(notifications.createWithAlerts(repeat, alertsFor(repeat, passengers),
                new IdempotentResponse(key, "b".repeat(64), 202, "{\"first\":false}"))).contains(first);

        assertThat(notifications.findByIdempotencyKey(key)).contains(first);
        assertThat(alerts.find(new AlertQuery(null, null, repeat.notificationId(), null, null, 10))).isEmpty();
        assertThat(alerts.find(new AlertQuery(null, null, original.notificationId(), null, null, 10))).hasSize(2);
    }

    @Test
    void claim_secondTime_isRefusedUntilTheFirstLeaseHasEnded() {
        Alert alert = storedAlert();

        assertThat(deliveries.claim(alert.alertId(), NOW, NOW.plusSeconds(40))).isTrue();
        assertThat(deliveries.claim(alert.alertId(), NOW.plusSeconds(1), NOW.plusSeconds(41))).isFalse();
        assertThat(deliveries.claim(alert.alertId(), NOW.plusSeconds(41), NOW.plusSeconds(81))).isTrue();
    }

    @Test
    void markSent_completesTheClaimAndTheAlert() {
        Alert alert = storedAlert();
        deliveries.claim(alert.alertId(), NOW, NOW.plusSeconds(40));

        deliveries.markSent(alert.alertId(), "msg-1", NOW.plusSeconds(2));

        Alert sent = alerts.findById(alert.alertId()).orElseThrow();
        assertThat(sent.status()).isEqualTo(AlertStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(deliveries.claim(alert.alertId(), NOW.plusSeconds(5000), NOW.plusSeconds(5040))).isFalse();
    }

    @Test
    void markFailed_keepsTheReason() {
        Alert alert = storedAlert();
        deliveries.claim(alert.alertId(), NOW, NOW.plusSeconds(40));

        deliveries.markFailed(alert.alertId(), "Phone number is opted out", NOW);

        Alert failed = alerts.findById(alert.alertId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Phone number is opted out");
    }

    @Test
    void release_letsTheNextDeliveryClaim() {
        Alert alert = storedAlert();
        deliveries.claim(alert.alertId(), NOW, NOW.plusSeconds(40));

        deliveries.release(alert.alertId());

        assertThat(deliveries.claim(alert.alertId(), NOW, NOW.plusSeconds(40))).isTrue();
    }

    @Test
    void findByIds_someUnknown_answersTheStoredOnesInTheOrderAsked() {
        List<Alert> stored = storedAlerts(3);
        List<String> asked = List.of(stored.get(2).alertId(), "01a20b5a-c93a-7009-8000-0000000000ff", stored.get(0).alertId());

        assertThat(alerts.findByIds(asked)).extracting(Alert::alertId)
                .containsExactly(stored.get(2).alertId(), stored.get(0).alertId());
        assertThat(alerts.findByIds(List.of())).isEmpty();
    }

    @Test
    void claimAll_overlappingGroups_eachAlertIsClaimedByOneCallerUntilItsLeaseEnds() {
        List<String> ids = storedAlerts(4).stream().map(Alert::alertId).toList();

        assertThat(deliveries.claimAll(ids.subList(0, 2), NOW, NOW.plusSeconds(40)))
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
        assertThat(deliveries.claimAll(ids, NOW.plusSeconds(1), NOW.plusSeconds(41)))
                .containsExactlyInAnyOrderElementsOf(ids.subList(2, 4));
        assertThat(deliveries.claimAll(ids, NOW.plusSeconds(40).plusMillis(1), NOW.plusSeconds(80)))
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
    }

    private static List<Alert> storedAlerts(int count) {
        Flight flight = newFlight();
        List<Passenger> passengers = passengers(flight, count);
        flights.create(flight, passengers);
        Notification notification = notification(flight, null);
        List<Alert> created = alertsFor(notification, passengers);
        notifications.createWithAlerts(notification, created, null);
        return created;
    }

    private static Alert storedAlert() {
        return storedAlerts(1).get(0);
    }

    private static synchronized Flight newFlight() {
        flightCounter++;
        return new Flight(Ids.newId(), "UA" + flightCounter, LocalDate.of(2026, 12, 24), "JFK", "SFO",
                Instant.parse("2026-12-24T15:30:00Z"), NOW);
    }

    private static List<Passenger> passengers(Flight flight, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Passenger(Ids.newId(), flight.flightId(), "Zoë" + i, "Ångström",
                        "p" + i + "@example.com", "+1415555" + String.format("%04d", i), NOW))
                .toList();
    }

    private static Notification notification(Flight flight, String idempotencyKey) {
        return new Notification(Ids.newId(), flight.flightId(), flight.flightNumber(), flight.departureDate(),
                NotificationType.DELAYED, "Weather", NOW.plus(3, ChronoUnit.HOURS), idempotencyKey, NOW);
    }

    private static List<Alert> alertsFor(Notification notification, List<Passenger> passengers) {
        return passengers.stream()
                .map(p -> new Alert(Ids.newId(), notification.notificationId(), notification.flightNumber(),
                        notification.departureDate(), notification.type(), p.passengerId(), p.fullName(), p.phone(),
                        "Flightwatch: text", AlertStatus.QUEUED, NOW, null, null))
                .sorted((a, b) -> a.alertId().compareTo(b.alertId()))
                .toList();
    }
}
