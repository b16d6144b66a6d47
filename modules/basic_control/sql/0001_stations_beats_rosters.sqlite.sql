-- Basic control: stations, patrol beats, duty rosters and premises inspections.

CREATE TABLE bc_stations (
    id        TEXT PRIMARY KEY,                       -- station code
    name      TEXT NOT NULL,
    address   TEXT NOT NULL,
    latitude  REAL,
    longitude REAL,
    phone     TEXT,
    version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE bc_beats (
    id         TEXT PRIMARY KEY,
    station_id TEXT NOT NULL REFERENCES bc_stations (id),
    name       TEXT NOT NULL,
    area       TEXT,                                  -- GeoJSON polygon
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bc_beats_station ON bc_beats (station_id);

CREATE TABLE bc_roster_shifts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id TEXT NOT NULL REFERENCES bc_stations (id),
    beat_id    TEXT REFERENCES bc_beats (id),
    unit_id    TEXT NOT NULL,                         -- hub unit call sign
    officer    TEXT NOT NULL,
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL CHECK (ends_at > starts_at),
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bc_roster_shifts_time ON bc_roster_shifts (station_id, starts_at);

CREATE TABLE bc_inspections (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id   TEXT NOT NULL REFERENCES bc_stations (id),
    premises     TEXT NOT NULL,
    kind         TEXT NOT NULL,                       -- hotel, internet cafe, workshop ...
    inspected_at INTEGER NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('compliant', 'warning', 'violation')),
    findings     TEXT NOT NULL DEFAULT '',
    inspector    TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bc_inspections_station ON bc_inspections (station_id, inspected_at);
