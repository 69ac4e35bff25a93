package com.flightwatch.common.domain;

/** What happened to a flight; each type has its own SMS template. */
public enum NotificationType {
    DELAYED,
    CANCELLED
}
