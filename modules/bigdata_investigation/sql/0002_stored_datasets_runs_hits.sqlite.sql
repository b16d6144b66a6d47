-- Big-data investigation, issue 20: datasets with their rows, their mapping and provenance; model
-- versions saved by analysts; runs of a model over a dataset and the hits they raise, each with its
-- evidence, reviewed by a person. The first version's bd_models and bd_alerts held only demo rows
-- (no service wrote them); they make way for bd_model_versions, bd_runs and bd_hits.

DROP TABLE bd_alerts;
DROP TABLE bd_models;

ALTER TABLE bd_datasets ADD COLUMN source_file TEXT NOT NULL DEFAULT '';     -- the file's name as imported
ALTER TABLE bd_datasets ADD COLUMN format TEXT NOT NULL DEFAULT '';          -- csv, jsonl, snapshot
ALTER TABLE bd_datasets ADD COLUMN encoding TEXT NOT NULL DEFAULT '';
ALTER TABLE bd_datasets ADD COLUMN columns TEXT NOT NULL DEFAULT '[]';       -- JSON: the mapping (name, type, format, personal)
ALTER TABLE bd_datasets ADD COLUMN rejected_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bd_datasets ADD COLUMN state TEXT NOT NULL DEFAULT 'ready' CHECK (state IN ('importing', 'ready'));
ALTER TABLE bd_datasets ADD COLUMN import_command TEXT;                      -- the import's command id (a retry finds it)
ALTER TABLE bd_datasets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX bd_datasets_listed ON bd_datasets (state, imported_at DESC);
CREATE INDEX bd_datasets_retain ON bd_datasets (retain_until);

-- One row of a dataset: its cells as a JSON array of text in the mapping's column order, and the
-- same with the personal columns masked (what every list shows unless revealed with a reason).
CREATE TABLE bd_dataset_rows (
    id           INTEGER PRIMARY KEY,
    dataset_id   INTEGER NOT NULL REFERENCES bd_datasets (id) ON DELETE CASCADE,
    row_no       INTEGER NOT NULL,
    line_no      INTEGER NOT NULL,
    cells        TEXT NOT NULL,
    cells_masked TEXT NOT NULL,
    cells_keyed  TEXT NOT NULL DEFAULT ''             -- a shared server's pseudonyms (PostgreSQL variant); unused here
);
CREATE UNIQUE INDEX bd_dataset_rows_order ON bd_dataset_rows (dataset_id, row_no);

-- Rows the import set aside: the line, the reason, the row as it was (cut at 200 characters).
CREATE TABLE bd_dataset_rejects (
    dataset_id INTEGER NOT NULL REFERENCES bd_datasets (id) ON DELETE CASCADE,
    line_no    INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (dataset_id, line_no)
);

-- The analysts' own models, every version kept (a hit names the version that made it).
CREATE TABLE bd_model_versions (
    model_id TEXT NOT NULL,
    version  INTEGER NOT NULL,
    source   TEXT NOT NULL,                            -- the model file's JSON
    saved_at INTEGER NOT NULL,
    saved_by TEXT NOT NULL,
    PRIMARY KEY (model_id, version)
);

CREATE TABLE bd_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id      TEXT NOT NULL,
    model_version INTEGER NOT NULL,
    model_source  TEXT NOT NULL,                       -- the model as it ran
    parameters    TEXT NOT NULL,                       -- JSON
    dataset_id    INTEGER REFERENCES bd_datasets (id) ON DELETE SET NULL,
    dataset_name  TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'finished', 'failed', 'cancelled')),
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    started_by    TEXT NOT NULL,
    rows_seen     INTEGER NOT NULL DEFAULT 0,
    hit_count     INTEGER NOT NULL DEFAULT 0,
    notes         TEXT NOT NULL DEFAULT '[]',          -- JSON: what the run set aside
    error         TEXT,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bd_runs_recent ON bd_runs (started_at DESC);

CREATE TABLE bd_hits (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      INTEGER NOT NULL REFERENCES bd_runs (id) ON DELETE CASCADE,
    rank        INTEGER NOT NULL,
    score       REAL NOT NULL,
    summary     TEXT NOT NULL,
    hit_key     TEXT NOT NULL,
    evidence    TEXT NOT NULL,                         -- JSON: breakdown, unit, total, facts, members, ties, rows (masked)
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'confirmed', 'dismissed', 'more_data', 'handed_on')),
    reason      TEXT,
    reviewed_by TEXT,
    reviewed_at INTEGER,
    handed_to   TEXT,                                  -- criminal_intel or hub, and the record made there
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bd_hits_queue ON bd_hits (status, score DESC, id);
CREATE INDEX bd_hits_run ON bd_hits (run_id, rank);

-- A shared server's key of the pseudonyms (PostgreSQL variant); unused here.
CREATE TABLE bd_pseudonym_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL
);
