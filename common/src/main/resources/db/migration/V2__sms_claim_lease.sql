-- A claim now says until when its holder may still be running: the SMS invocation's own deadline
-- plus a margin. A CLAIMED row whose lease has ended may be claimed again, so a text cut short by a
-- crash is retried soon after the function could no longer be running, not after Lambda's 15-minute
-- maximum. Rows claimed before this column existed keep the old 16-minute lease (NULL).
ALTER TABLE sms_deliveries ADD COLUMN lease_until DATETIME(3) NULL AFTER claimed_at;
