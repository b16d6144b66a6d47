-- Commands the services applied, by the id the issuing desk made (ARCHITECTURE.md 3a). Recorded in
-- the transaction that applied the command, so a command sent twice (a retry, a double press, an
-- outbox replay) is applied once; the second answer is rebuilt from `result_key`.
CREATE TABLE applied_commands (
    command_id TEXT PRIMARY KEY,
    module     TEXT NOT NULL,
    operation  TEXT NOT NULL,
    result_key TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL,
    applied_at BIGINT NOT NULL
);
