package com.flightwatch.common.repository;

import com.flightwatch.common.db.Jdbc;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.NotificationType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link AlertRepository} on MySQL/MariaDB. */
public final class JdbcAlertRepository implements AlertRepository {

    static final String COLUMNS = "alert_id, notification_id, flight_number, departure_date, type, passenger_id,"
            + " passenger_name, phone, message, status, failure_reason, created_at, sent_at";

    private final DataSource dataSource;

    public JdbcAlertRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Alert> findById(String alertId) {
        List<Alert> found = select("WHERE alert_id = ?", List.of(alertId), "read alert");
        return found.stream().findFirst();
    }

    @Override
    public List<Alert> findByIds(List<String> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(alertIds.size(), "?"));
        Map<String, Alert> byId = new HashMap<>();
        select("WHERE alert_id IN (" + placeholders + ")", List.copyOf(alertIds), "read alerts")
                .forEach(alert -> byId.put(alert.alertId(), alert));
        return alertIds.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Each filter matches a leading part of ix_alerts_flight or ix_alerts_notification. */
    @Override
    public List<Alert> find(AlertQuery query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.byFlight()) {
            where.append(" AND flight_number = ? AND departure_date = ?");
            parameters.add(query.flightNumber());
            parameters.add(query.departureDate());
        }
        if (query.notificationId() != null) {
            where.append(" AND notification_id = ?");
            parameters.add(query.notificationId());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status().name());
        }
        if (query.afterAlertId() != null) {
            where.append(" AND alert_id > ?");
            parameters.add(query.afterAlertId());
        }
        where.append(" ORDER BY alert_id LIMIT ?");
        parameters.add(query.limit());
        return select(where.toString(), parameters, "query alerts");
    }

    @Override
    public List<Alert> findQueuedBefore(Instant createdBefore, int limit) {
        return select("WHERE status = 'QUEUED' AND created_at < ? ORDER BY created_at LIMIT ?",
                List.of(Jdbc.toDb(createdBefore), limit), "read queued alerts");
    }

    private List<Alert> select(String where, List<Object> parameters, String what) {
        return Jdbc.withConnection(dataSource, what, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM alerts " + where)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    List<Alert> alerts = new ArrayList<>();
                    while (rows.next()) {
                        alerts.add(alert(rows));
                    }
                    return alerts;
                }
            }
        });
    }

    static Alert alert(ResultSet row) throws SQLException {
        return new Alert(row.getString("alert_id"), row.getString("notification_id"), row.getString("flight_number"),
                Jdbc.date(row, "departure_date"), NotificationType.valueOf(row.getString("type")),
                row.getString("passenger_id"), row.getString("passenger_name"), row.getString("phone"),
                row.getString("message"), AlertStatus.valueOf(row.getString("status")), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "sent_at"), row.getString("failure_reason"));
    }
}
