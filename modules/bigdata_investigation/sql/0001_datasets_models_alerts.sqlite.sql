-- Big-data investigation: imported record sets, analytic models, and the alerts they raise.

CREATE TABLE bd_datasets (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL,
    origin       TEXT NOT NULL,                       -- where the records came from (seizure, warrant ...)
    legal_basis  TEXT NOT NULL,
    record_count INTEGER NOT NULL DEFAULT 0,
    imported_at  INTEGER NOT NULL,
    retain_until INTEGER NOT NULL,
    imported_by  TEXT NOT NULL
);

CREATE TABLE bd_models (
    id          TEXT PRIMARY KEY,                     -- e.g. bulk_personal_records
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    parameters  TEXT NOT NULL DEFAULT '{}',           -- JSON thresholds
    enabled     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE bd_alerts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id    TEXT NOT NULL REFERENCES bd_models (id),
    dataset_id  INTEGER NOT NULL REFERENCES bd_datasets (id),
    score       REAL NOT NULL,
    explanation TEXT NOT NULL,                        -- JSON: the features and records behind the score
    status      TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'confirmed', 'dismissed', 'handed_over')),
    raised_at   INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX bd_alerts_status ON bd_alerts (status, score DESC);
