package com.flightwatch.common.exceptions;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The database could not be reached (stopped, restarting, failing over, no free connection within
 * the pool's timeout): nothing is wrong with the request, and the same request should work later.
 * A 503 with {@code Retry-After}, not a 500.
 */
public class DatabaseUnavailableException extends DataAccessException {

    /** SQLState class 08: connection exception (SQL standard; what Connector/J reports for a lost server). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    public DatabaseUnavailableException(String whatFailed, SQLException cause) {
        super(whatFailed, cause);
    }

    /** Whether {@code failure} says the server was unreachable, rather than that the statement was wrong. */
    public static boolean isUnavailable(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
