-- Functions created through the Lambda API (CreateFunction), redeployed at every start after the
-- stack's. The stack's own functions are not stored here: the template is their source of truth.
CREATE TABLE platform_functions (
    function_name    VARCHAR(64)   NOT NULL,
    handler          VARCHAR(128)  NOT NULL,
    runtime          VARCHAR(32)   NOT NULL,
    memory_mb        INT           NOT NULL,
    timeout_seconds  INT           NOT NULL,
    environment      TEXT          NOT NULL,
    code_path        VARCHAR(1024) NOT NULL,
    code_sha256      VARCHAR(64)   NOT NULL,
    code_size        BIGINT        NOT NULL,
    description      VARCHAR(256)  NOT NULL,
    role             VARCHAR(2048) NOT NULL,
    architectures    VARCHAR(64)   NOT NULL,
    last_modified    DATETIME(3)   NOT NULL,
    PRIMARY KEY (function_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
