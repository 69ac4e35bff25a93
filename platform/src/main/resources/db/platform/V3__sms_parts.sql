-- How the local carrier cut each SMS: its encoding (GSM7 or UCS2) and the text of each part, as a
-- JSON array. Rows from before this migration have neither; they are split when read.
ALTER TABLE sms_outbox
    ADD COLUMN encoding   VARCHAR(8) NULL,
    ADD COLUMN parts_json MEDIUMTEXT NULL;
