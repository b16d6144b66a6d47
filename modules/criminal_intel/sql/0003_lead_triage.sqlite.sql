-- Criminal intelligence, the leads' triage (issue 21 section 1): where a lead came from (a big-data
-- hit, a hub incident, another centre, a tip whose source is protected), its grade stored with the
-- scheme it was graded in (the admiralty code or 3x5x2, with handling conditions), the triage
-- statuses analysts use, the analyst it is assigned to, a duplicate merged into the lead it repeats,
-- and the deadline that runs. Rebuilt because SQLite cannot change a CHECK constraint: the entities'
-- and investigations' references are checked at COMMIT (defer_foreign_keys), when the new table
-- holds every lead under its old id.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE ci_leads_v2 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    reference      TEXT NOT NULL UNIQUE,                 -- L-<year>-<id>
    source_kind    TEXT NOT NULL CHECK (source_kind IN ('big_data', 'incident', 'centre', 'tip')),
    source_centre  TEXT NOT NULL DEFAULT '',             -- the module it came from
    source_record  TEXT NOT NULL DEFAULT '',             -- "hit 42", "incident 2026-0042": one lead per record
    source_detail  TEXT NOT NULL DEFAULT '',             -- a tip's source: protected, read masked
    summary        TEXT NOT NULL,
    details        TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '{}',           -- JSON: what came with it (a hit's model, score, rows masked)
    scheme         TEXT CHECK (scheme IN ('admiralty', '3x5x2')),
    source_grade   TEXT,                                 -- admiralty A-F, 3x5x2 1-3
    info_grade     TEXT,                                 -- admiralty 1-6, 3x5x2 A-E
    handling       TEXT NOT NULL DEFAULT '',             -- 3x5x2 P or C; conditions below
    conditions     TEXT NOT NULL DEFAULT '',             -- handling conditions, shown wherever the lead is
    grade_reason   TEXT NOT NULL DEFAULT '',
    graded_by      TEXT,
    graded_at      INTEGER,
    status         TEXT NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new', 'assessing', 'developing', 'actioned', 'closed')),
    status_reason  TEXT NOT NULL DEFAULT '',
    assigned_to    TEXT,                                 -- the analyst's user name
    merged_into    INTEGER REFERENCES ci_leads (id),     -- a duplicate, closed into the lead it repeats
    investigation_id INTEGER REFERENCES ci_investigations (id),
    legal_basis    TEXT NOT NULL,
    retain_until   INTEGER NOT NULL,                     -- Clock ms: deleted after this date
    received_at    INTEGER NOT NULL,
    due_at         INTEGER,                              -- the running triage limit (assess, or act by grade)
    updated_at     INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    CHECK ((scheme IS NULL) = (source_grade IS NULL) AND (scheme IS NULL) = (info_grade IS NULL)),
    CHECK (status <> 'closed' OR status_reason <> '')
);
INSERT INTO ci_leads_v2 (id, reference, source_kind, source_centre, summary, scheme, source_grade, info_grade, graded_at, status,
                         status_reason, legal_basis, retain_until, received_at, updated_at, version)
    SELECT id, reference,
           CASE source WHEN 'model_alert' THEN 'big_data' WHEN 'other_centre' THEN 'centre' WHEN 'patrol' THEN 'centre' ELSE 'tip' END,
           CASE source WHEN 'model_alert' THEN 'bigdata_investigation' WHEN 'patrol' THEN 'basic_control' ELSE '' END,
           summary,
           CASE WHEN grade IS NULL THEN NULL ELSE 'admiralty' END, grade, CASE WHEN grade IS NULL THEN NULL ELSE '6' END,
           CASE WHEN grade IS NULL THEN NULL ELSE received_at END,
           CASE status WHEN 'triaged' THEN 'assessing' WHEN 'handed_over' THEN 'actioned' ELSE status END,
           CASE status WHEN 'closed' THEN 'Closed before triage was recorded' ELSE '' END,
           legal_basis, retain_until, received_at, received_at, version
    FROM ci_leads;
DROP TABLE ci_leads;
ALTER TABLE ci_leads_v2 RENAME TO ci_leads;
CREATE INDEX ci_leads_status ON ci_leads (status, received_at);
CREATE INDEX ci_leads_due ON ci_leads (due_at) WHERE status NOT IN ('actioned', 'closed');
CREATE INDEX ci_leads_assigned ON ci_leads (assigned_to, status);
CREATE UNIQUE INDEX ci_leads_source_record ON ci_leads (source_kind, source_record) WHERE source_record <> '';
-- A tip's source is never shown in part: masked whole, revealed with a reason (criminal_intel.source.reveal).
ALTER TABLE ci_leads ADD COLUMN source_detail_masked TEXT
    GENERATED ALWAYS AS (CASE WHEN source_detail = '' THEN '' ELSE '********' END) VIRTUAL;

-- The grading scheme of this deployment, and any other setting of the centre an administrator keeps.
CREATE TABLE ci_settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_by TEXT,
    changed_at INTEGER,
    reason     TEXT,
    version    INTEGER NOT NULL DEFAULT 1
);
INSERT INTO ci_settings (key, value) VALUES ('grading_scheme', 'admiralty');

-- The triage limits (core migration 9), with their defaults (domain/leadrules.cpp says why).
INSERT INTO time_limits (module, rule, title, minutes, default_minutes) VALUES
    ('criminal_intel', 'lead.assess', 'A new lead assessed and graded', 1440, 1440),
    ('criminal_intel', 'lead.act.high', 'A lead graded high decided on', 240, 240),
    ('criminal_intel', 'lead.act.medium', 'A lead graded medium decided on', 1440, 1440),
    ('criminal_intel', 'lead.act.low', 'A lead graded low decided on', 4320, 4320);

