-- The custody suite (issue 22 section 2): the rooms of the suite's one-way route, each person
-- booked in with the cause, legal basis, officer, risk assessment and wristband, every move, welfare
-- check, interview, act of care and risk assessment on their record, the people who must be kept apart, and how they
-- left. The records of what was done are written once and never changed.
CREATE TABLE cm_rooms (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL CHECK (kind IN ('intake', 'search', 'property', 'biometrics', 'medical', 'interview', 'holding', 'exit')),
    capacity  INTEGER NOT NULL CHECK (capacity >= 1),
    position  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO cm_rooms (name, kind, capacity, position) VALUES
    ('Intake desk', 'intake', 3, 1), ('Search room', 'search', 1, 2), ('Property desk', 'property', 2, 3),
    ('Biometrics room', 'biometrics', 1, 4), ('Medical room', 'medical', 1, 5),
    ('Interview room 1', 'interview', 1, 6), ('Interview room 2', 'interview', 1, 7), ('Interview room 3', 'interview', 1, 8),
    ('Holding room 1', 'holding', 1, 9), ('Holding room 2', 'holding', 1, 10), ('Holding room 3', 'holding', 1, 11),
    ('Holding room 4', 'holding', 1, 12), ('Holding room 5', 'holding', 2, 13), ('Holding room 6', 'holding', 2, 14),
    ('Exit', 'exit', 4, 15);

ALTER TABLE cm_custody ADD COLUMN tag TEXT NOT NULL DEFAULT '';                -- wristband or tag number
ALTER TABLE cm_custody ADD COLUMN cause TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_custody ADD COLUMN basis TEXT NOT NULL DEFAULT 'detention' CHECK (basis IN ('summons', 'questioning', 'detention'));
ALTER TABLE cm_custody ADD COLUMN serious INTEGER NOT NULL DEFAULT 0;          -- summons approved as serious, questioning where detention is likely
ALTER TABLE cm_custody ADD COLUMN officer TEXT NOT NULL DEFAULT '';            -- the officer responsible
ALTER TABLE cm_custody ADD COLUMN risk_intoxicated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cm_custody ADD COLUMN risk_injured INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cm_custody ADD COLUMN risk_medical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cm_custody ADD COLUMN risk_self_harm INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cm_custody ADD COLUMN risk_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_custody ADD COLUMN risk_level TEXT NOT NULL DEFAULT 'standard' CHECK (risk_level IN ('standard', 'elevated', 'highest'));
ALTER TABLE cm_custody ADD COLUMN room_id INTEGER REFERENCES cm_rooms (id);
ALTER TABLE cm_custody ADD COLUMN stage TEXT NOT NULL DEFAULT 'intake'
    CHECK (stage IN ('intake', 'search', 'property', 'biometrics', 'medical', 'interview', 'holding', 'exit'));
ALTER TABLE cm_custody ADD COLUMN state TEXT NOT NULL DEFAULT 'in' CHECK (state IN ('in', 'released', 'transferred', 'handed_over'));
ALTER TABLE cm_custody ADD COLUMN checked_in_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_custody ADD COLUMN released_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_custody ADD COLUMN release_to TEXT NOT NULL DEFAULT '';         -- who took the person
ALTER TABLE cm_custody ADD COLUMN release_note TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_custody ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
UPDATE cm_custody SET tag = printf('W-%04d', id), updated_at = COALESCE(released_at, started_at),
    state = CASE WHEN released_at IS NULL THEN 'in' ELSE 'released' END,
    stage = CASE WHEN released_at IS NULL THEN 'holding' ELSE 'exit' END;
CREATE UNIQUE INDEX cm_custody_tag_in ON cm_custody (tag) WHERE state = 'in';
CREATE INDEX cm_custody_room ON cm_custody (room_id, state);
CREATE INDEX cm_custody_state ON cm_custody (state, next_check_at);

CREATE TABLE cm_custody_moves (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    custody_id  INTEGER NOT NULL REFERENCES cm_custody (id),
    room_id     INTEGER REFERENCES cm_rooms (id),
    stage       TEXT NOT NULL,
    at          INTEGER NOT NULL,
    moved_by    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cm_custody_moves_custody ON cm_custody_moves (custody_id, at);

CREATE TABLE cm_welfare_checks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    custody_id  INTEGER NOT NULL REFERENCES cm_custody (id),
    due_at      INTEGER NOT NULL,                    -- when it was due
    done_at     INTEGER NOT NULL,                    -- when it was made (the desk's clock)
    recorded_at INTEGER NOT NULL DEFAULT 0,          -- when it was written (a shared server's own clock)
    done_by     TEXT NOT NULL DEFAULT '',
    condition   TEXT NOT NULL CHECK (condition IN ('well', 'asleep_roused', 'concern')),
    observed    TEXT NOT NULL DEFAULT '',
    room_id     INTEGER REFERENCES cm_rooms (id)
);
CREATE INDEX cm_welfare_checks_custody ON cm_welfare_checks (custody_id, done_at);

CREATE TABLE cm_keep_apart (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    custody_a   INTEGER NOT NULL REFERENCES cm_custody (id),
    custody_b   INTEGER NOT NULL REFERENCES cm_custody (id),
    reason      TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at INTEGER NOT NULL,
    CHECK (custody_a < custody_b),
    UNIQUE (custody_a, custody_b)
);
CREATE INDEX cm_keep_apart_b ON cm_keep_apart (custody_b);

CREATE TABLE cm_interviews (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    custody_id    INTEGER NOT NULL REFERENCES cm_custody (id),
    room_id       INTEGER NOT NULL REFERENCES cm_rooms (id),
    officers      TEXT NOT NULL,
    recording_ref TEXT NOT NULL DEFAULT '',
    started_at    INTEGER NOT NULL,
    started_by    TEXT NOT NULL DEFAULT '',
    ended_at      INTEGER,
    ended_by      TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cm_interviews_custody ON cm_interviews (custody_id, started_at);

CREATE TABLE cm_custody_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    custody_id  INTEGER NOT NULL REFERENCES cm_custody (id),
    kind        TEXT NOT NULL CHECK (kind IN ('meal', 'drink', 'rest', 'medication', 'medical', 'phone', 'risk')),  -- care given, or the risk assessed again
    at          INTEGER NOT NULL,
    minutes     INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    txid        INTEGER                                  -- the transaction that wrote it (the shared server's guard)
);
CREATE INDEX cm_custody_log_custody ON cm_custody_log (custody_id, at);

-- How often a person in custody is checked, by the risk assessed (minutes; an administrator may change them).
INSERT INTO time_limits (module, rule, title, minutes, default_minutes) VALUES
    ('case_management', 'welfare.standard', 'A person in custody checked (standard risk)', 60, 60),
    ('case_management', 'welfare.elevated', 'A person in custody checked (intoxicated, injured or unwell)', 30, 30),
    ('case_management', 'welfare.highest', 'A person in custody checked (risk of self-harm)', 15, 15);
