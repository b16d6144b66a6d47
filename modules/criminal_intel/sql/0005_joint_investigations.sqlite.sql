-- Joint investigations (issue 21 section 3): what an investigation groups (its leads by
-- ci_leads.investigation_id, entities through them and its targets, charts by
-- ci_charts.investigation_id), its members from several centres and units, its task division as hub
-- tasks, its targets for a cluster operation, daily progress reports, and its own timeline.
ALTER TABLE ci_investigations ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_investigations ADD COLUMN opened_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_investigations ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ci_investigations ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_investigations ADD COLUMN proposal_id INTEGER;   -- the hub's operation proposal
ALTER TABLE ci_investigations ADD COLUMN operation_id INTEGER;  -- the hub operation approved from it
UPDATE ci_investigations SET updated_at = opened_at;
CREATE INDEX ci_investigations_status ON ci_investigations (status, opened_at);

CREATE TABLE ci_investigation_members (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id INTEGER NOT NULL REFERENCES ci_investigations (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('centre', 'unit', 'analyst')),
    member           TEXT NOT NULL,
    role             TEXT NOT NULL DEFAULT '',
    added_by         TEXT NOT NULL,
    added_at         INTEGER NOT NULL,
    UNIQUE (investigation_id, kind, member)
);

-- A line of the task division is a hub task (task_id), followed here as the hub reports it.
ALTER TABLE ci_task_division ADD COLUMN assignee_kind TEXT NOT NULL DEFAULT 'unit' CHECK (assignee_kind IN ('centre', 'unit'));
ALTER TABLE ci_task_division ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_task_division ADD COLUMN starts_at INTEGER;
ALTER TABLE ci_task_division ADD COLUMN task_id INTEGER;
ALTER TABLE ci_task_division ADD COLUMN task_status TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_task_division ADD COLUMN progress INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ci_task_division ADD COLUMN progress_note TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_task_division ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ci_task_division ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ci_task_division_investigation ON ci_task_division (investigation_id, id);
CREATE INDEX ci_task_division_task ON ci_task_division (task_id);

-- Who acts on whom when the investigation becomes a cluster operation: one line per target.
CREATE TABLE ci_investigation_targets (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id INTEGER NOT NULL REFERENCES ci_investigations (id) ON DELETE CASCADE,
    entity_id        INTEGER NOT NULL REFERENCES ci_entities (id),
    assignee_kind    TEXT NOT NULL DEFAULT 'unit' CHECK (assignee_kind IN ('centre', 'unit')),
    assignee         TEXT NOT NULL,
    action           TEXT NOT NULL,
    place            TEXT NOT NULL DEFAULT '',
    latitude         REAL,
    longitude        REAL,
    after_go_min     INTEGER NOT NULL DEFAULT 0 CHECK (after_go_min BETWEEN 0 AND 10080),
    note             TEXT NOT NULL DEFAULT '',
    created_by       TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (investigation_id, entity_id)
);

-- The daily progress report: one per analyst per day (a second the same day replaces the first,
-- at the version read).
CREATE TABLE ci_investigation_reports (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id INTEGER NOT NULL REFERENCES ci_investigations (id) ON DELETE CASCADE,
    day              TEXT NOT NULL,            -- yyyy-MM-dd of the Clock, UTC
    author           TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (investigation_id, day, author)
);

-- The investigation's own timeline: what happened to it and what the hub reported on its tasks and
-- its operation, written in the transaction of the change; appended, never changed.
CREATE TABLE ci_investigation_journal (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id INTEGER NOT NULL REFERENCES ci_investigations (id) ON DELETE CASCADE,
    at               INTEGER NOT NULL,
    actor            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    data             TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX ci_investigation_journal_at ON ci_investigation_journal (investigation_id, at, id);
