package com.flightwatch.common.db;

import com.flightwatch.common.exceptions.DataAccessException;
import com.flightwatch.common.exceptions.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Small JDBC helpers: transactions, and UTC conversions for DATETIME(3) columns. Instants go in
 * as LocalDateTime in UTC, which Connector/J stores without any time-zone conversion.
 */
public final class Jdbc {

    /** MySQL and MariaDB error code for a duplicate key. */
    public static final int ER_DUP_ENTRY = 1062;
    /** MySQL and MariaDB error code for a missing parent row of a foreign key. */
    public static final int ER_NO_REFERENCED_ROW = 1452;

    /** Work inside a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    public static <T> T withConnection(DataSource dataSource, String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw DatabaseUnavailableException.isUnavailable(e) ? new DatabaseUnavailableException(what, e)
                    : new DataAccessException(what, e);
        }
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public static <T> T inTransaction(DataSource dataSource, String what, SqlWork<T> work) {
        return withConnection(dataSource, what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    public static boolean hasErrorCode(SQLException e, int errorCode) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (current.getErrorCode() == errorCode) {
                return true;
            }
            if (current.getCause() instanceof SQLException cause && cause.getErrorCode() == errorCode) {
                return true;
            }
        }
        return false;
    }

    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
