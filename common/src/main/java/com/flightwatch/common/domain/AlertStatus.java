package com.flightwatch.common.domain;

/** An alert is created QUEUED and ends SENT or FAILED once the SMS function has tried it. */
public enum AlertStatus {
    QUEUED,
    SENT,
    FAILED
}
