package com.flightwatch.common.repository;

import com.flightwatch.common.db.Jdbc;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.exceptions.ConflictException;
import com.flightwatch.common.exceptions.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link FlightRepository} on MySQL/MariaDB. */
public final class JdbcFlightRepository implements FlightRepository {

    static final int BATCH_SIZE = 500;
    private static final String FLIGHT_COLUMNS =
            "flight_id, flight_number, departure_date, origin, destination, scheduled_departure, created_at";
    private static final String INSERT_PASSENGER = "INSERT INTO passengers "
            + "(passenger_id, flight_id, first_name, last_name, email, phone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public JdbcFlightRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void create(Flight flight, List<Passenger> passengers) {
        Jdbc.inTransaction(dataSource, "create flight", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO flights (" + FLIGHT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, flight.flightId());
                insert.setString(2, flight.flightNumber());
                insert.setObject(3, flight.departureDate());
                insert.setString(4, flight.origin());
                insert.setString(5, flight.destination());
                insert.setObject(6, Jdbc.toDb(flight.scheduledDeparture()));
                insert.setObject(7, Jdbc.toDb(flight.createdAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (Jdbc.hasErrorCode(e, Jdbc.ER_DUP_ENTRY)) {
                    throw ConflictException.flightAlreadyRegistered(flight.flightNumber(), flight.departureDate());
                }
                throw e;
            }
            insertPassengers(connection, passengers);
            return null;
        });
    }

    @Override
    public Optional<Flight> findById(String flightId) {
        return findOne("WHERE flight_id = ?", flightId, null);
    }

    @Override
    public Optional<Flight> findByNumberAndDate(String flightNumber, LocalDate departureDate) {
        return findOne("WHERE flight_number = ? AND departure_date = ?", flightNumber, departureDate);
    }

    @Override
    public List<Passenger> passengers(String flightId) {
        return Jdbc.withConnection(dataSource, "read passengers", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT passenger_id, flight_id, first_name, last_name, email, phone, created_at"
                            + " FROM passengers WHERE flight_id = ? ORDER BY passenger_id")) {
                select.setString(1, flightId);
                try (ResultSet rows = select.executeQuery()) {
                    List<Passenger> passengers = new ArrayList<>();
                    while (rows.next()) {
                        passengers.add(new Passenger(rows.getString("passenger_id"), rows.getString("flight_id"),
                                rows.getString("first_name"), rows.getString("last_name"), rows.getString("email"),
                                rows.getString("phone"), Jdbc.instant(rows, "created_at")));
                    }
                    return passengers;
                }
            }
        });
    }

    @Override
    public void addPassengers(String flightId, List<Passenger> passengers) {
        Jdbc.inTransaction(dataSource, "add passengers", connection -> {
            try {
                insertPassengers(connection, passengers);
            } catch (SQLException e) {
                if (Jdbc.hasErrorCode(e, Jdbc.ER_NO_REFERENCED_ROW)) {
                    throw new NotFoundException("Flight " + flightId + " not found");
                }
                throw e;
            }
            return null;
        });
    }

    private static void insertPassengers(Connection connection, List<Passenger> passengers) throws SQLException {
        if (passengers.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PASSENGER)) {
            int pending = 0;
            for (Passenger passenger : passengers) {
                insert.setString(1, passenger.passengerId());
                insert.setString(2, passenger.flightId());
                insert.setString(3, passenger.firstName());
                insert.setString(4, passenger.lastName());
                insert.setString(5, passenger.email());
                insert.setString(6, passenger.phone());
                insert.setObject(7, Jdbc.toDb(passenger.createdAt()));
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

    private Optional<Flight> findOne(String where, String first, LocalDate second) {
        return Jdbc.withConnection(dataSource, "read flight", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + FLIGHT_COLUMNS + " FROM flights " + where)) {
                select.setString(1, first);
                if (second != null) {
                    select.setObject(2, second);
                }
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(flight(rows)) : Optional.<Flight>empty();
                }
            }
        });
    }

    private static Flight flight(ResultSet row) throws SQLException {
        return new Flight(row.getString("flight_id"), row.getString("flight_number"), Jdbc.date(row, "departure_date"),
                row.getString("origin"), row.getString("destination"), Jdbc.instant(row, "scheduled_departure"),
                Jdbc.instant(row, "created_at"));
    }
}
