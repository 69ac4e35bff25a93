-- Subscription attributes (filter policy and its scope, raw delivery, redrive policy) and topic
-- attributes (DisplayName, DeliveryPolicy, Policy...) as SetTopicAttributes leaves them.
ALTER TABLE sns_subscriptions
    ADD COLUMN filter_policy        MEDIUMTEXT  NULL,
    ADD COLUMN filter_policy_scope  VARCHAR(17) NULL,
    ADD COLUMN raw_message_delivery BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN redrive_policy       TEXT        NULL;

ALTER TABLE sns_topics
    ADD COLUMN attributes_json MEDIUMTEXT NULL;
