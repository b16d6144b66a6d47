-- Changes desks made to shared rows, by their id, recorded in the transaction that applied (or, on an
-- operator's decision, discarded) them. A desk replaying its outbox after an outage skips what is
-- here already, so a change whose commit went unconfirmed is never applied twice.
CREATE TABLE applied_changes (
    change_id  TEXT PRIMARY KEY,
    desk       TEXT NOT NULL,
    tbl        TEXT NOT NULL,
    row_key    TEXT,
    version    BIGINT NOT NULL DEFAULT 0,
    outcome    TEXT NOT NULL CHECK (outcome IN ('applied', 'discarded')),
    applied_at BIGINT NOT NULL
);
