-- API keys of the stacks the platform runs. A key whose template gives no value gets one generated
-- once and kept here, so clients keep working across restarts. Values compare case-sensitively
-- (utf8mb4_bin), as API Gateway's do.
CREATE TABLE platform_api_keys (
    stack_name  VARCHAR(128)  NOT NULL,
    logical_id  VARCHAR(255)  NOT NULL,
    name        VARCHAR(1024) NOT NULL,
    key_value   VARCHAR(128)  NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    generated   BOOLEAN       NOT NULL,
    created_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (stack_name, logical_id),
    UNIQUE KEY uk_platform_api_keys_value (key_value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
