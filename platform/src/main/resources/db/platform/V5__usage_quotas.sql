-- Requests counted against usage plan quotas, one row per key, plan and quota period (UTC start).
-- The gateway counts in memory and adds its counts here every second (used = used + delta), so a
-- restart resumes the count and several gateways on one database add up.
CREATE TABLE platform_usage_quotas (
    stack_name    VARCHAR(128) NOT NULL,
    plan_id       VARCHAR(255) NOT NULL,
    key_id        VARCHAR(255) NOT NULL,
    period_start  DATETIME(3)  NOT NULL,
    used          BIGINT       NOT NULL,
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (stack_name, plan_id, key_id, period_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
