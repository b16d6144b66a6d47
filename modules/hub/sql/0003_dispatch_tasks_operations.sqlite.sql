-- Hub, second schema step (issue 5): the unit registry with the statuses operators use, tasks that
-- the receiving side accepts, reports on, completes or declines, cluster operations, the category
-- taxonomy with run cards, response targets and playbooks, incident notes in the search index,
-- links to other records, and the index of journal events behind each incident's timeline.

-- Units. Statuses as operators say them; a unit that was 'dispatched' is en route. Rebuilt because
-- SQLite cannot change a CHECK constraint; no dispatch rows can exist yet (nothing wrote them before
-- this step), so the parent table can be replaced.
CREATE TABLE hub_units_v2 (
    id            TEXT PRIMARY KEY,                   -- call sign
    kind          TEXT NOT NULL CHECK (kind IN ('patrol_car', 'foot_patrol', 'traffic', 'special_response',
                                                'drone', 'fire_liaison', 'medical_liaison')),
    status        TEXT NOT NULL DEFAULT 'available'
                  CHECK (status IN ('available', 'en_route', 'on_scene', 'busy', 'off_duty')),
    home_station  TEXT NOT NULL DEFAULT '',
    crew_size     INTEGER NOT NULL DEFAULT 1 CHECK (crew_size BETWEEN 0 AND 99),
    skills        TEXT NOT NULL DEFAULT '',           -- skill ids separated by commas
    latitude      REAL,
    longitude     REAL,
    position_at   INTEGER,                            -- Clock ms of the last known position
    incident_id   INTEGER REFERENCES hub_incidents (id), -- the incident it is assigned to
    status_since  INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
INSERT INTO hub_units_v2 (id, kind, status, home_station, latitude, longitude, status_since, version)
    SELECT id, kind, CASE status WHEN 'dispatched' THEN 'en_route' ELSE status END, coalesce(home_station, ''),
           latitude, longitude, status_since, version
    FROM hub_units;
DROP TABLE hub_units;
ALTER TABLE hub_units_v2 RENAME TO hub_units;
CREATE INDEX hub_units_status ON hub_units (status, kind);
CREATE INDEX hub_units_incident ON hub_units (incident_id);

-- Cluster operations: many tasks across units under one go time.
CREATE TABLE hub_operations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    objective   TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'running', 'completed', 'cancelled')),
    go_at       INTEGER NOT NULL,                     -- Clock ms
    incident_id INTEGER REFERENCES hub_incidents (id),
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX hub_operations_go ON hub_operations (go_at);

-- Tasks: to a centre (module id) or a unit (call sign); the receiving side accepts, reports
-- progress, completes, or declines with a reason.
CREATE TABLE hub_tasks_v2 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    assignee_kind  TEXT NOT NULL CHECK (assignee_kind IN ('centre', 'unit')),
    assignee       TEXT NOT NULL,
    title          TEXT NOT NULL,
    detail         TEXT NOT NULL DEFAULT '',
    priority       INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 4),
    status         TEXT NOT NULL DEFAULT 'issued'
                   CHECK (status IN ('issued', 'accepted', 'in_progress', 'done', 'declined', 'cancelled')),
    progress       INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    progress_note  TEXT NOT NULL DEFAULT '',
    decline_reason TEXT NOT NULL DEFAULT '',
    starts_at      INTEGER,                           -- in an operation: when
    due_at         INTEGER,
    place          TEXT NOT NULL DEFAULT '',          -- in an operation: where
    latitude       REAL,
    longitude      REAL,
    incident_id    INTEGER REFERENCES hub_incidents (id),
    operation_id   INTEGER REFERENCES hub_operations (id),
    created_by     TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
INSERT INTO hub_tasks_v2 (id, assignee_kind, assignee, title, detail, status, due_at, incident_id, created_by,
                          created_at, updated_at, version)
    SELECT id, 'centre', centre, title, detail,
           CASE status WHEN 'open' THEN 'issued' WHEN 'rejected' THEN 'declined' ELSE status END,
           due_at, incident_id, created_by, created_at, updated_at, version
    FROM hub_tasks;
DROP TABLE hub_tasks;
ALTER TABLE hub_tasks_v2 RENAME TO hub_tasks;
CREATE INDEX hub_tasks_assignee ON hub_tasks (assignee_kind, assignee, status, due_at);
CREATE INDEX hub_tasks_operation ON hub_tasks (operation_id);
CREATE INDEX hub_tasks_incident ON hub_tasks (incident_id);

-- Incidents: the centre that handles it, the notes' text (searched with the summary and address),
-- the incident it was merged into, and when the first unit arrived.
ALTER TABLE hub_incidents ADD COLUMN centre TEXT NOT NULL DEFAULT 'hub';
ALTER TABLE hub_incidents ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE hub_incidents ADD COLUMN merged_into INTEGER REFERENCES hub_incidents (id);
ALTER TABLE hub_incidents ADD COLUMN arrived_at INTEGER;
-- The board sorts by any column and filters by status, priority, category and centre.
CREATE INDEX hub_incidents_time ON hub_incidents (created_at, id);
CREATE INDEX hub_incidents_priority ON hub_incidents (priority, created_at, id);
CREATE INDEX hub_incidents_category ON hub_incidents (category, created_at, id);
CREATE INDEX hub_incidents_centre ON hub_incidents (centre, created_at, id);
CREATE INDEX hub_incidents_status_time ON hub_incidents (status, created_at, id);

-- The search index now covers the notes too.
DROP TRIGGER hub_incidents_fts_insert;
DROP TRIGGER hub_incidents_fts_delete;
DROP TRIGGER hub_incidents_fts_update;
DROP TABLE hub_incidents_fts;
CREATE VIRTUAL TABLE hub_incidents_fts USING fts5(
    summary, address, notes,
    content = 'hub_incidents', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO hub_incidents_fts (rowid, summary, address, notes) SELECT id, summary, address, notes FROM hub_incidents;
CREATE TRIGGER hub_incidents_fts_insert AFTER INSERT ON hub_incidents BEGIN
    INSERT INTO hub_incidents_fts (rowid, summary, address, notes) VALUES (new.id, new.summary, new.address, new.notes);
END;
CREATE TRIGGER hub_incidents_fts_delete AFTER DELETE ON hub_incidents BEGIN
    INSERT INTO hub_incidents_fts (hub_incidents_fts, rowid, summary, address, notes)
        VALUES ('delete', old.id, old.summary, old.address, old.notes);
END;
CREATE TRIGGER hub_incidents_fts_update AFTER UPDATE OF summary, address, notes ON hub_incidents BEGIN
    INSERT INTO hub_incidents_fts (hub_incidents_fts, rowid, summary, address, notes)
        VALUES ('delete', old.id, old.summary, old.address, old.notes);
    INSERT INTO hub_incidents_fts (rowid, summary, address, notes) VALUES (new.id, new.summary, new.address, new.notes);
END;

-- Which journal events belong to which incident: the timeline, merged incidents' included.
CREATE TABLE hub_incident_events (
    incident_id INTEGER NOT NULL REFERENCES hub_incidents (id),
    event_seq   INTEGER NOT NULL REFERENCES events (seq),
    PRIMARY KEY (incident_id, event_seq)
);

-- Links from an incident to other records.
CREATE TABLE hub_incident_links (
    incident_id INTEGER NOT NULL REFERENCES hub_incidents (id),
    kind        TEXT NOT NULL CHECK (kind IN ('lead', 'case', 'complaint', 'incident')),
    ref         TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (incident_id, kind, ref)
);

-- The incident categories: a configurable taxonomy. Each has a response target (first unit on scene),
-- a limit for units on scene, a run card and a playbook (JSON, see taxonomy.h).
CREATE TABLE hub_categories (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    response_target_s  INTEGER NOT NULL CHECK (response_target_s > 0),
    on_scene_limit_s   INTEGER NOT NULL CHECK (on_scene_limit_s > 0),
    run_card           TEXT NOT NULL DEFAULT '[]',
    playbook           TEXT NOT NULL DEFAULT '[]',
    sort_order         INTEGER NOT NULL DEFAULT 100
);

-- Playbook steps ticked on an incident.
CREATE TABLE hub_playbook_ticks (
    incident_id INTEGER NOT NULL REFERENCES hub_incidents (id),
    step        INTEGER NOT NULL CHECK (step >= 0),
    ticked_by   TEXT NOT NULL,
    ticked_at   INTEGER NOT NULL,
    PRIMARY KEY (incident_id, step)
);
