-- Case management: cases, custody records with their safety checks, seized property.

CREATE TABLE cm_cases (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    number      TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('criminal', 'administrative')),
    fast_track  INTEGER NOT NULL DEFAULT 0,           -- minor case on the 48-hour track
    status      TEXT NOT NULL DEFAULT 'registered'
                CHECK (status IN ('registered', 'investigating', 'referred', 'decided', 'closed')),
    incident_id INTEGER,                              -- hub incident it came from
    opened_at   INTEGER NOT NULL,
    due_at      INTEGER,                              -- next statutory deadline
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cm_cases_due ON cm_cases (status, due_at);

CREATE TABLE cm_custody (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       INTEGER NOT NULL REFERENCES cm_cases (id),
    person_ref    TEXT NOT NULL,                      -- personal data: masked unless the role may see it
    legal_basis   TEXT NOT NULL,
    started_at    INTEGER NOT NULL,
    limit_at      INTEGER NOT NULL,                   -- when custody must end or be extended
    next_check_at INTEGER NOT NULL,                   -- safety check due
    released_at   INTEGER,
    retain_until  INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cm_custody_open ON cm_custody (released_at, next_check_at);

CREATE TABLE cm_property (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cm_cases (id),
    description TEXT NOT NULL,
    seized_at   INTEGER NOT NULL,
    location    TEXT NOT NULL,                        -- where it is kept
    appraised_value_cents INTEGER,
    appraised_at INTEGER,
    disposition TEXT NOT NULL DEFAULT 'held'
                CHECK (disposition IN ('held', 'returned', 'confiscated', 'destroyed')),
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cm_property_case ON cm_property (case_id);
