-- Hub: incidents, units, dispatches and the tasks the hub hands to the centres.

CREATE TABLE hub_incidents (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    number           TEXT NOT NULL UNIQUE,            -- human reference, e.g. 2026-000123
    status           TEXT NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'dispatched', 'on_scene', 'resolved', 'closed', 'cancelled')),
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
    category         TEXT NOT NULL,
    source           TEXT NOT NULL
                     CHECK (source IN ('call', 'video', 'public_complaint', 'model_alert', 'centre')),
    summary          TEXT NOT NULL,
    address          TEXT,
    latitude         REAL,
    longitude        REAL,
    reporter_contact TEXT,                            -- personal data: masked unless the role may see it
    created_at       INTEGER NOT NULL,                -- Clock ms
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX hub_incidents_open ON hub_incidents (status, priority, created_at);

CREATE TABLE hub_units (
    id            TEXT PRIMARY KEY,                   -- call sign
    kind          TEXT NOT NULL,                      -- patrol car, foot patrol, traffic, special ...
    status        TEXT NOT NULL DEFAULT 'available'
                  CHECK (status IN ('available', 'dispatched', 'en_route', 'on_scene', 'off_duty')),
    home_station  TEXT,
    latitude      REAL,
    longitude     REAL,
    status_since  INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX hub_units_status ON hub_units (status);

CREATE TABLE hub_dispatches (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id   INTEGER NOT NULL REFERENCES hub_incidents (id),
    unit_id       TEXT NOT NULL REFERENCES hub_units (id),
    dispatched_at INTEGER NOT NULL,
    arrived_at    INTEGER,
    cleared_at    INTEGER,
    dispatched_by TEXT NOT NULL
);
CREATE INDEX hub_dispatches_incident ON hub_dispatches (incident_id);
CREATE INDEX hub_dispatches_unit ON hub_dispatches (unit_id, dispatched_at);

CREATE TABLE hub_tasks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    centre      TEXT NOT NULL,                        -- module id of the centre that must act
    title       TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'accepted', 'done', 'rejected', 'cancelled')),
    due_at      INTEGER,
    incident_id INTEGER REFERENCES hub_incidents (id),
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX hub_tasks_centre ON hub_tasks (centre, status, due_at);
