package com.flightwatch.common.repository;

import com.flightwatch.common.db.Jdbc;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.Notification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link NotificationRepository} on MySQL/MariaDB; alerts go in as batched multi-row inserts. */
public final class JdbcNotificationRepository implements NotificationRepository {

    static final int BATCH_SIZE = 500;
    private static final String INSERT_NOTIFICATION = "INSERT INTO notifications (notification_id, flight_id,"
            + " flight_number, departure_date, type, reason, new_departure, idempotency_key, request_hash,"
            + " response_status, response_body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ALERT = "INSERT INTO alerts (" + JdbcAlertRepository.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public JdbcNotificationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<IdempotentResponse> findByIdempotencyKey(String idempotencyKey) {
        return Jdbc.withConnection(dataSource, "read idempotent response", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT idempotency_key, request_hash,"
                    + " response_status, response_body FROM notifications WHERE idempotency_key = ?")) {
                select.setString(1, idempotencyKey);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<IdempotentResponse>empty();
                    }
                    return Optional.of(new IdempotentResponse(row.getString(1), row.getString(2), row.getInt(3),
                            row.getString(4)));
                }
            }
        });
    }

    @Override
    public Optional<IdempotentResponse> createWithAlerts(Notification notification, List<Alert> alerts,
            IdempotentResponse response) {
        boolean created = Jdbc.inTransaction(dataSource, "create notification", connection -> {
            try {
                insertNotification(connection, notification, response);
            } catch (SQLException e) {
                // InnoDB makes a concurrent insert of the same key wait for the first to commit,
                // so a duplicate here means the first request's answer is readable.
                if (notification.idempotencyKey() != null && Jdbc.hasErrorCode(e, Jdbc.ER_DUP_ENTRY)) {
                    return false;
                }
                throw e;
            }
            insertAlerts(connection, alerts);
            return true;
        });
        if (created) {
            return Optional.empty();
        }
        return Optional.of(findByIdempotencyKey(notification.idempotencyKey()).orElseThrow(() ->
                new IllegalStateException("Idempotency key collided but no stored response was found")));
    }

    private static void insertNotification(Connection connection, Notification notification,
            IdempotentResponse response) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NOTIFICATION)) {
            insert.setString(1, notification.notificationId());
            insert.setString(2, notification.flightId());
            insert.setString(3, notification.flightNumber());
            insert.setObject(4, notification.departureDate());
            insert.setString(5, notification.type().name());
            insert.setString(6, notification.reason());
            insert.setObject(7, Jdbc.toDb(notification.newDeparture()));
            insert.setString(8, notification.idempotencyKey());
            insert.setString(9, response == null ? null : response.requestHash());
            insert.setObject(10, response == null ? null : response.statusCode());
            insert.setString(11, response == null ? null : response.body());
            insert.setObject(12, Jdbc.toDb(notification.createdAt()));
            insert.executeUpdate();
        }
    }

    private static void insertAlerts(Connection connection, List<Alert> alerts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ALERT)) {
            int pending = 0;
            for (Alert alert : alerts) {
                insert.setString(1, alert.alertId());
                insert.setString(2, alert.notificationId());
                insert.setString(3, alert.flightNumber());
                insert.setObject(4, alert.departureDate());
                insert.setString(5, alert.type().name());
                insert.setString(6, alert.passengerId());
                insert.setString(7, alert.passengerName());
                insert.setString(8, alert.phone());
                insert.setString(9, alert.message());
                insert.setString(10, alert.status().name());
                insert.setString(11, alert.failureReason());
                insert.setObject(12, Jdbc.toDb(alert.createdAt()));
                insert.setObject(13, Jdbc.toDb(alert.sentAt()));
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
