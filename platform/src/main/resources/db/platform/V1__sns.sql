-- SNS topics, subscriptions, messages and their deliveries. ARNs compare byte for byte, as in AWS.

CREATE TABLE sns_topics (
    topic_arn  VARCHAR(256) NOT NULL,
    name       VARCHAR(256) NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (topic_arn)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sns_subscriptions (
    subscription_arn VARCHAR(320) NOT NULL,
    topic_arn        VARCHAR(256) NOT NULL,
    protocol         VARCHAR(16)  NOT NULL,
    endpoint         VARCHAR(400) NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (subscription_arn),
    UNIQUE KEY uq_sns_subscriptions_target (topic_arn, protocol, endpoint),
    CONSTRAINT fk_sns_subscriptions_topic FOREIGN KEY (topic_arn) REFERENCES sns_topics (topic_arn) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A published message, stored before Publish answers.
CREATE TABLE sns_messages (
    message_id      CHAR(36)     NOT NULL,
    topic_arn       VARCHAR(256) NOT NULL,
    subject         VARCHAR(100) NULL,
    message         MEDIUMTEXT   NOT NULL,
    attributes_json MEDIUMTEXT   NOT NULL,
    published_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per (message, subscription). Workers claim PENDING rows that are due and not leased;
-- a lease that expires (its worker died) makes the row claimable again.
CREATE TABLE sns_deliveries (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    message_id       CHAR(36)     NOT NULL,
    subscription_arn VARCHAR(320) NOT NULL,
    protocol         VARCHAR(16)  NOT NULL,
    endpoint         VARCHAR(400) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempt          INT          NOT NULL DEFAULT 0,
    due_at           DATETIME(3)  NOT NULL,
    lease_until      DATETIME(3)  NULL,
    claim_token      CHAR(36)     NULL,
    last_error       VARCHAR(1000) NULL,
    delivered_at     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY ix_sns_deliveries_due (state, due_at),
    KEY ix_sns_deliveries_claim (claim_token),
    KEY ix_sns_deliveries_message (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Deliveries that failed their last attempt, moved here from sns_deliveries.
CREATE TABLE sns_dead_letters (
    delivery_id      BIGINT        NOT NULL,
    message_id       CHAR(36)      NOT NULL,
    subscription_arn VARCHAR(320)  NOT NULL,
    protocol         VARCHAR(16)   NOT NULL,
    endpoint         VARCHAR(400)  NOT NULL,
    attempts         INT           NOT NULL,
    last_error       VARCHAR(1000) NULL,
    dead_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (delivery_id),
    KEY ix_sns_dead_letters_message (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The local SMS carrier: every PhoneNumber publish lands here.
CREATE TABLE sms_outbox (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    message_id   CHAR(36)     NOT NULL,
    phone_number VARCHAR(16)  NOT NULL,
    message      TEXT         NOT NULL,
    sender_id    VARCHAR(11)  NULL,
    sms_type     VARCHAR(16)  NULL,
    sent_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_sms_outbox_message (message_id),
    KEY ix_sms_outbox_phone (phone_number, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
