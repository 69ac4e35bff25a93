-- http/https subscriptions wait for their endpoint to confirm (SNS's handshake): until then they
-- hold the token the confirmation message carried and get no deliveries.
ALTER TABLE sns_subscriptions
    ADD COLUMN pending_confirmation BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN confirmation_token   VARCHAR(128) NULL;

-- The RedrivePolicy's deadLetterTargetArn a dead letter went to (null: the platform's own store).
ALTER TABLE sns_dead_letters
    ADD COLUMN dead_letter_target_arn VARCHAR(256) NULL,
    ADD KEY ix_sns_dead_letters_target (dead_letter_target_arn, dead_at);
