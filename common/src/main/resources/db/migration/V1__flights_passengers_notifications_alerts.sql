-- SQL in the MySQL 8 / MariaDB 10.6+ common subset. Ids are time-ordered UUIDs (Ids.newId) kept as
-- ASCII with binary collation, so "alert_id > ?" orders exactly like Java's String.compareTo,
-- which the cursor pagination of GET /alerts relies on. Times are UTC.

CREATE TABLE flights (
    flight_id           CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    flight_number       VARCHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    departure_date      DATE NOT NULL,
    origin              CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    destination         CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scheduled_departure DATETIME(3) NOT NULL,
    created_at          DATETIME(3) NOT NULL,
    PRIMARY KEY (flight_id),
    UNIQUE KEY uq_flights_number_date (flight_number, departure_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE passengers (
    passenger_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    flight_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_name   VARCHAR(100) NOT NULL,
    last_name    VARCHAR(100) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    phone        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (passenger_id),
    KEY ix_passengers_flight (flight_id, passenger_id),
    CONSTRAINT fk_passengers_flight FOREIGN KEY (flight_id) REFERENCES flights (flight_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- idempotency_key is unique where set (NULLs never collide); the first answer is stored with it
-- so that a repeat gets the same status and body back.
CREATE TABLE notifications (
    notification_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    flight_id       CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    flight_number   VARCHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    departure_date  DATE NOT NULL,
    type            VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    new_departure   DATETIME(3) NULL,
    idempotency_key VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    request_hash    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    response_status SMALLINT NULL,
    response_body   TEXT NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (notification_id),
    UNIQUE KEY uq_notifications_idempotency_key (idempotency_key),
    KEY ix_notifications_flight (flight_id),
    CONSTRAINT fk_notifications_flight FOREIGN KEY (flight_id) REFERENCES flights (flight_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Flight and passenger fields are copied in: an alert records what was sent to whom.
CREATE TABLE alerts (
    alert_id        CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    notification_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    flight_number   VARCHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    departure_date  DATE NOT NULL,
    type            VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    passenger_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    passenger_name  VARCHAR(201) NOT NULL,
    phone           VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    message         VARCHAR(1000) NOT NULL,
    status          VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failure_reason  VARCHAR(500) NULL,
    created_at      DATETIME(3) NOT NULL,
    sent_at         DATETIME(3) NULL,
    PRIMARY KEY (alert_id),
    KEY ix_alerts_flight (flight_number, departure_date, alert_id),
    KEY ix_alerts_notification (notification_id, alert_id),
    KEY ix_alerts_status_created (status, created_at),
    CONSTRAINT fk_alerts_notification FOREIGN KEY (notification_id) REFERENCES notifications (notification_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The dedup record of the SMS function: one row per alert, claimed before the SMS is sent.
-- state CLAIMED -> SENT | FAILED; a CLAIMED row older than the lease may be claimed again
-- (the function died between claim and send).
CREATE TABLE sms_deliveries (
    alert_id            CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state               VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    claimed_at          DATETIME(3) NOT NULL,
    completed_at        DATETIME(3) NULL,
    provider_message_id VARCHAR(100) NULL,
    PRIMARY KEY (alert_id),
    CONSTRAINT fk_sms_deliveries_alert FOREIGN KEY (alert_id) REFERENCES alerts (alert_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
