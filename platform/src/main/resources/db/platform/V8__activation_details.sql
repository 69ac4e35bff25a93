-- What an activation record says beyond V7: the version that ran, what caused it, how long it waited
-- for an instance, the runtime and the memory limit. Defaults and NULLs let rows written before read.
-- Listing and polling select by when an activation ended (a poller sees each as it finishes), hence the keys.
ALTER TABLE platform_activations
    ADD COLUMN version         VARCHAR(32)  NOT NULL DEFAULT '$LATEST',
    ADD COLUMN cause           VARCHAR(512) NULL,
    ADD COLUMN wait_time_ms    BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN kind            VARCHAR(32)  NULL,
    ADD COLUMN memory_limit_mb INT          NULL,
    ADD KEY ix_platform_activations_ended (ended_at),
    ADD KEY ix_platform_activations_function_ended (function_name, ended_at);
