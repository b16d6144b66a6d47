-- Hub, live video (issue 6): video clips join snapshots in an incident's record. A row says what its
-- bytes are (content_type), a clip how long it runs and how many frames it has; the bytes column,
-- no longer only PNG, is `content`. Snapshots stay up to 20 MiB, clips may be up to 64 MiB.
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt: every row is copied with its id,
-- the id sequence goes on where it was (AUTOINCREMENT never hands out an id twice), and the indexes
-- and the append-only triggers are made again. Dropping the old table deletes its rows without
-- running its triggers, and nothing refers to hub_media, so the foreign keys stay satisfied.
CREATE TABLE hub_media_v6 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id  INTEGER NOT NULL REFERENCES hub_incidents (id),
    camera_id    TEXT NOT NULL REFERENCES hub_cameras (id),
    kind         TEXT NOT NULL CHECK (kind IN ('snapshot', 'clip')),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'video/x-msvideo')),
    taken_at     INTEGER NOT NULL,                        -- Clock ms of the frame, or of a clip's first
    duration_ms  INTEGER,                                 -- a clip's; none for a snapshot
    frame_count  INTEGER NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    byte_size    INTEGER NOT NULL CHECK (byte_size > 0 AND byte_size = length(content)),
    content      BLOB NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    CHECK ((kind = 'snapshot' AND content_type = 'image/png' AND duration_ms IS NULL AND frame_count = 1
            AND byte_size <= 20971520)
        OR (kind = 'clip' AND content_type = 'video/x-msvideo' AND duration_ms IS NOT NULL AND duration_ms > 0
            AND frame_count > 0 AND byte_size <= 67108864))
);

INSERT INTO hub_media_v6 (id, incident_id, camera_id, kind, content_type, taken_at, duration_ms, frame_count, sha256,
                          width, height, byte_size, content, created_by, created_at)
    SELECT id, incident_id, camera_id, kind, 'image/png', taken_at, NULL, 1, sha256, width, height, byte_size, png,
           created_by, created_at
    FROM hub_media ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'hub_media_v6';
INSERT INTO sqlite_sequence (name, seq) SELECT 'hub_media_v6', seq FROM sqlite_sequence WHERE name = 'hub_media';

DROP TABLE hub_media;
ALTER TABLE hub_media_v6 RENAME TO hub_media;

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
