-- Hub, live video (issue 6): the camera registry and the media attached to incidents.

-- Cameras: where each one is and looks, how far it sees, where its stream comes from, whose it is
-- and which permission a viewer needs. Health and the last frame come from the desks watching it.
CREATE TABLE hub_cameras (
    id              TEXT PRIMARY KEY,                     -- e.g. CAM-0012
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('fixed', 'ptz', 'body_worn', 'drone')),
    latitude        REAL,                                 -- none for a body-worn camera or a grounded drone
    longitude       REAL,
    heading         REAL NOT NULL DEFAULT 0 CHECK (heading >= 0 AND heading < 360), -- degrees from north
    field_of_view   REAL NOT NULL CHECK (field_of_view > 0 AND field_of_view <= 360),
    range_m         REAL NOT NULL CHECK (range_m > 0),     -- a drone's footprint radius
    stream_url      TEXT NOT NULL,
    agency          TEXT NOT NULL DEFAULT '',
    view_permission TEXT NOT NULL DEFAULT 'hub.video.view',
    health          TEXT NOT NULL DEFAULT 'unknown' CHECK (health IN ('unknown', 'online', 'offline')),
    last_frame_at   INTEGER,                              -- Clock ms
    position_at     INTEGER,                              -- Clock ms of the position (drone telemetry)
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX hub_cameras_position ON hub_cameras (latitude, longitude);
CREATE INDEX hub_cameras_kind ON hub_cameras (kind, id);

-- Media attached to an incident: a snapshot's PNG with its SHA-256, camera and time. Evidence, so
-- append-only: nothing changes or deletes a row once it is attached.
CREATE TABLE hub_media (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES hub_incidents (id),
    camera_id   TEXT NOT NULL REFERENCES hub_cameras (id),
    kind        TEXT NOT NULL DEFAULT 'snapshot' CHECK (kind IN ('snapshot')),
    taken_at    INTEGER NOT NULL,                         -- Clock ms of the frame
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    byte_size   INTEGER NOT NULL CHECK (byte_size > 0 AND byte_size <= 20971520),
    png         BLOB NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX hub_media_incident ON hub_media (incident_id, taken_at, id);
CREATE INDEX hub_media_camera ON hub_media (camera_id, taken_at);

CREATE TRIGGER hub_media_no_update BEFORE UPDATE ON hub_media
BEGIN
    SELECT RAISE(ABORT, 'attached media are append-only');
END;
CREATE TRIGGER hub_media_no_delete BEFORE DELETE ON hub_media
BEGIN
    SELECT RAISE(ABORT, 'attached media are append-only');
END;
