package com.flightwatch.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The few JDBC moves the platform's stores repeat: run work in one transaction, and keep
 * {@code DATETIME(3)} columns in UTC whatever the JVM's or the server's time zone.
 */
public final class Jdbc {

    /** Work against one connection; may throw {@link SQLException}, which becomes a {@link StoreException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final int DEADLOCK_RUNS = 5;

    private Jdbc() {
    }

    /**
     * Runs {@code work} with auto-commit on: each statement commits on its own. A deadlock victim is
     * run again, so {@code work} must be one statement, or statements that may safely run twice.
     */
    public static <T> T withConnection(DataSource dataSource, String what, SqlWork<T> work) {
        return retryingDeadlocks(what, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            }
        });
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws
     * anything; run again, from the start, when InnoDB chose it as a deadlock victim.
     */
    public static <T> T inTransaction(DataSource dataSource, String what, SqlWork<T> work) {
        return retryingDeadlocks(what, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.apply(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        });
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private static <T> T retryingDeadlocks(String what, Attempt<T> attempt) {
        for (int run = 1; ; run++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (run >= DEADLOCK_RUNS || !isDeadlock(e)) {
                    throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** InnoDB rolled the transaction back to break a deadlock (SQLSTATE 40001, MySQL/MariaDB error 1213). */
    private static boolean isDeadlock(SQLException e) {
        return "40001".equals(e.getSQLState()) || e.getErrorCode() == 1213;
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant getInstant(ResultSet resultSet, String column) throws SQLException {
        LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
