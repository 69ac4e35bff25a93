-- One record per invocation, from any trigger (OpenWhisk's activation record). The id is Lambda's request id.
CREATE TABLE platform_activations (
    activation_id     VARCHAR(64)  NOT NULL,
    function_name     VARCHAR(140) NOT NULL,
    trigger_source    VARCHAR(32)  NOT NULL,
    started_at        DATETIME(3)  NOT NULL,
    ended_at          DATETIME(3)  NOT NULL,
    duration_ms       BIGINT       NOT NULL,
    init_duration_ms  BIGINT       NULL,
    status            VARCHAR(32)  NOT NULL,
    error_type        VARCHAR(256) NULL,
    error_message     TEXT         NULL,
    result            MEDIUMTEXT   NULL,
    logs              MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (activation_id),
    KEY ix_platform_activations_function (function_name, started_at),
    KEY ix_platform_activations_status (status, started_at),
    KEY ix_platform_activations_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
