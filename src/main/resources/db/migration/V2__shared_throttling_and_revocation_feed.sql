-- Portcullis 2: what a cluster shares through the database.

-- Revocations carry the time they were recorded, so that every node can pick up the new ones within a second.
ALTER TABLE revoked_tokens ADD COLUMN recorded_at ${timestamp} NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX ix_revoked_tokens_recorded_at ON revoked_tokens (recorded_at);
ALTER TABLE subject_revocations ADD COLUMN recorded_at ${timestamp} NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX ix_subject_revocations_recorded_at ON subject_revocations (recorded_at);

-- Failed logins and rate-limited actions, counted together by every node.
CREATE TABLE attempt_counters (
    counter_key  VARCHAR(400) NOT NULL,
    attempts     INTEGER      NOT NULL,
    window_start ${timestamp} NOT NULL,
    last_attempt ${timestamp} NOT NULL,
    CONSTRAINT pk_attempt_counters PRIMARY KEY (counter_key)
);
CREATE INDEX ix_attempt_counters_last_attempt ON attempt_counters (last_attempt);
