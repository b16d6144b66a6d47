-- Criminal intelligence, the leads' triage (issue 21 section 1); the SQLite variant says what each
-- column is for. Here the table is changed in place.
ALTER TABLE ci_leads DROP CONSTRAINT IF EXISTS ci_leads_status_check;
ALTER TABLE ci_leads DROP CONSTRAINT IF EXISTS ci_leads_grade_check;
ALTER TABLE ci_leads RENAME COLUMN grade TO source_grade;
ALTER TABLE ci_leads
    ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'tip' CHECK (source_kind IN ('big_data', 'incident', 'centre', 'tip')),
    ADD COLUMN source_centre TEXT NOT NULL DEFAULT '',
    ADD COLUMN source_record TEXT NOT NULL DEFAULT '',
    ADD COLUMN source_detail TEXT NOT NULL DEFAULT '',
    ADD COLUMN details TEXT NOT NULL DEFAULT '',
    ADD COLUMN evidence TEXT NOT NULL DEFAULT '{}',
    ADD COLUMN scheme TEXT CHECK (scheme IN ('admiralty', '3x5x2')),
    ADD COLUMN info_grade TEXT,
    ADD COLUMN handling TEXT NOT NULL DEFAULT '',
    ADD COLUMN conditions TEXT NOT NULL DEFAULT '',
    ADD COLUMN grade_reason TEXT NOT NULL DEFAULT '',
    ADD COLUMN graded_by TEXT,
    ADD COLUMN graded_at BIGINT,
    ADD COLUMN status_reason TEXT NOT NULL DEFAULT '',
    ADD COLUMN assigned_to TEXT,
    ADD COLUMN merged_into BIGINT REFERENCES ci_leads (id),
    ADD COLUMN investigation_id BIGINT REFERENCES ci_investigations (id),
    ADD COLUMN due_at BIGINT,
    ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
UPDATE ci_leads SET
    source_kind = CASE source WHEN 'model_alert' THEN 'big_data' WHEN 'other_centre' THEN 'centre' WHEN 'patrol' THEN 'centre' ELSE 'tip' END,
    source_centre = CASE source WHEN 'model_alert' THEN 'bigdata_investigation' WHEN 'patrol' THEN 'basic_control' ELSE '' END,
    scheme = CASE WHEN source_grade IS NULL THEN NULL ELSE 'admiralty' END,
    info_grade = CASE WHEN source_grade IS NULL THEN NULL ELSE '6' END,
    graded_at = CASE WHEN source_grade IS NULL THEN NULL ELSE received_at END,
    status = CASE status WHEN 'triaged' THEN 'assessing' WHEN 'handed_over' THEN 'actioned' ELSE status END,
    status_reason = CASE status WHEN 'closed' THEN 'Closed before triage was recorded' ELSE '' END,
    updated_at = received_at;
ALTER TABLE ci_leads DROP COLUMN source;
ALTER TABLE ci_leads ALTER COLUMN source_kind DROP DEFAULT;
ALTER TABLE ci_leads
    ADD CONSTRAINT ci_leads_status_check CHECK (status IN ('new', 'assessing', 'developing', 'actioned', 'closed')),
    ADD CONSTRAINT ci_leads_graded_check CHECK ((scheme IS NULL) = (source_grade IS NULL) AND (scheme IS NULL) = (info_grade IS NULL)),
    ADD CONSTRAINT ci_leads_closed_check CHECK (status <> 'closed' OR status_reason <> ''),
    ADD COLUMN source_detail_masked TEXT GENERATED ALWAYS AS (CASE WHEN source_detail = '' THEN '' ELSE '********' END) STORED;
CREATE INDEX ci_leads_due ON ci_leads (due_at) WHERE status NOT IN ('actioned', 'closed');
CREATE INDEX ci_leads_assigned ON ci_leads (assigned_to, status);
CREATE UNIQUE INDEX ci_leads_source_record ON ci_leads (source_kind, source_record) WHERE source_record <> '';

CREATE TABLE ci_settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_by TEXT,
    changed_at BIGINT,
    reason     TEXT,
    version    BIGINT NOT NULL DEFAULT 1
);
INSERT INTO ci_settings (key, value) VALUES ('grading_scheme', 'admiralty');

INSERT INTO time_limits (module, rule, title, minutes, default_minutes) VALUES
    ('criminal_intel', 'lead.assess', 'A new lead assessed and graded', 1440, 1440),
    ('criminal_intel', 'lead.act.high', 'A lead graded high decided on', 240, 240),
    ('criminal_intel', 'lead.act.medium', 'A lead graded medium decided on', 1440, 1440),
    ('criminal_intel', 'lead.act.low', 'A lead graded low decided on', 4320, 4320);
