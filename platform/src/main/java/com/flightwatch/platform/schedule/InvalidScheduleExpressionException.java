package com.flightwatch.platform.schedule;

/** A ScheduleExpression the platform cannot run: not {@code rate(...)} nor a {@code cron(...)} it understands. */
public class InvalidScheduleExpressionException extends RuntimeException {

    public InvalidScheduleExpressionException(String expression, String reason) {
        super("Cannot run schedule '" + expression + "': " + reason);
    }
}
