-- API keys are looked up by their SHA-256 (hex), not by their value. The value itself stays only
-- for keys the platform generated for a template key without one, so `flightwatch up` and
-- `flightwatch keys list` (loopback) can show it again, as `aws apigateway get-api-key
-- --include-value` does; a template's own value is in the template, and a key made by
-- `flightwatch keys create` is shown once, when it is made. usage_plan_id: the plan of a key made
-- by the CLI (template keys get theirs from the template's UsagePlanKeys).
ALTER TABLE platform_api_keys ADD COLUMN key_hash CHAR(64) NULL;
ALTER TABLE platform_api_keys ADD COLUMN usage_plan_id VARCHAR(255) NULL;
ALTER TABLE platform_api_keys ADD COLUMN created_by VARCHAR(16) NOT NULL DEFAULT 'stack';
UPDATE platform_api_keys SET key_hash = SHA2(key_value, 256);
ALTER TABLE platform_api_keys DROP INDEX uk_platform_api_keys_value;
ALTER TABLE platform_api_keys MODIFY key_value VARCHAR(128) NULL;
UPDATE platform_api_keys SET key_value = NULL WHERE generated = FALSE;
ALTER TABLE platform_api_keys MODIFY key_hash CHAR(64) NOT NULL;
ALTER TABLE platform_api_keys ADD UNIQUE KEY uk_platform_api_keys_hash (key_hash);
