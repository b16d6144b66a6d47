-- Criminal intelligence, entities and links (issue 21 section 2): every kind analysts chart (person,
-- phone, vehicle, account, address, organisation, event, document, device); a person only with the
-- lead or case it is linked to, its legal basis and retention date; a normalised match key for
-- cross-referencing (digits of a phone or an account, a plate or document number without spaces, a
-- name's fingerprint), personal data like the label; a duplicate merged into the entity it repeats.
-- Links typed, directed where it matters, each with its provenance (the lead, record or dataset row
-- it came from), its confidence and its time span. An entity may belong to many leads
-- (ci_lead_entities). Rebuilt because SQLite cannot change a CHECK constraint; references are
-- checked at COMMIT (defer_foreign_keys).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE ci_entities_v2 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'phone', 'vehicle', 'account', 'address', 'organisation', 'event',
                                               'document', 'device')),
    label        TEXT NOT NULL,                        -- personal data: masked unless an organisation
    match_key    TEXT NOT NULL DEFAULT '',             -- normalised for cross-referencing; personal data too
    lead_id      INTEGER REFERENCES ci_leads (id),     -- the lead it came in with
    case_ref     TEXT NOT NULL DEFAULT '',             -- or the case it belongs to
    legal_basis  TEXT NOT NULL DEFAULT '',
    retain_until INTEGER,                              -- Clock ms
    attributes   TEXT NOT NULL DEFAULT '{}',           -- JSON of plain values (role, risk ...) for the chart's formatting
    merged_into  INTEGER REFERENCES ci_entities_v2 (id),
    created_by   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    CHECK (kind <> 'person' OR ((lead_id IS NOT NULL OR case_ref <> '') AND legal_basis <> '' AND retain_until IS NOT NULL))
);
INSERT INTO ci_entities_v2 (id, kind, label, match_key, lead_id, legal_basis, retain_until, created_at, updated_at)
    SELECT e.id, e.kind, e.label,
           CASE WHEN e.kind IN ('phone', 'account') THEN replace(replace(replace(replace(replace(e.label, ' ', ''), '-', ''), '+', ''), '(', ''), ')', '')
                WHEN e.kind IN ('vehicle', 'document') THEN upper(replace(replace(e.label, ' ', ''), '-', ''))
                ELSE lower(trim(e.label)) END,
           e.lead_id, l.legal_basis, l.retain_until, l.received_at, l.received_at
    FROM ci_entities e JOIN ci_leads l ON l.id = e.lead_id;

CREATE TABLE ci_links_v2 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    from_id     INTEGER NOT NULL REFERENCES ci_entities_v2 (id),
    to_id       INTEGER NOT NULL REFERENCES ci_entities_v2 (id),
    relation    TEXT NOT NULL,                         -- calls, owns, uses, lives_at, member_of, paid, ...
    directed    INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)), -- 0: the relation holds both ways
    confidence  TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (confidence IN ('confirmed', 'unconfirmed', 'tentative')),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('lead', 'record', 'dataset_row', 'analyst')),
    source_ref  TEXT NOT NULL,                         -- "lead 42", "incident 2026-0042", "dataset 7 row 1234", the analyst's basis
    evidence    TEXT NOT NULL DEFAULT '',
    started_at  INTEGER,                               -- Clock ms: when the relation began and ended, where known
    ended_at    INTEGER,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL DEFAULT 0,
    CHECK (from_id <> to_id),
    CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
);
INSERT INTO ci_links_v2 (id, from_id, to_id, relation, directed, source_kind, source_ref, evidence, created_at)
    SELECT k.id, k.from_id, k.to_id, k.relation, 1, 'lead', 'lead ' || e.lead_id, k.evidence, e.created_at
    FROM ci_links k JOIN ci_entities_v2 e ON e.id = k.from_id;

CREATE TABLE ci_lead_entities (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id   INTEGER NOT NULL REFERENCES ci_leads (id),
    entity_id INTEGER NOT NULL REFERENCES ci_entities_v2 (id),
    UNIQUE (lead_id, entity_id)
);
INSERT INTO ci_lead_entities (lead_id, entity_id) SELECT lead_id, id FROM ci_entities_v2 WHERE lead_id IS NOT NULL;

DROP TABLE ci_links;
DROP TABLE ci_entities;
ALTER TABLE ci_entities_v2 RENAME TO ci_entities;
ALTER TABLE ci_links_v2 RENAME TO ci_links;
CREATE INDEX ci_entities_lead ON ci_entities (lead_id);
CREATE INDEX ci_entities_match ON ci_entities (kind, match_key) WHERE merged_into IS NULL;
CREATE INDEX ci_entities_updated ON ci_entities (updated_at);
CREATE INDEX ci_links_from ON ci_links (from_id);
CREATE INDEX ci_links_to ON ci_links (to_id);
CREATE INDEX ci_lead_entities_entity ON ci_lead_entities (entity_id);

-- A link chart as an analyst left it (the items, where they stood, pins, notes, formatting, filters),
-- saved on its own or with the investigation it serves.
CREATE TABLE ci_charts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    title            TEXT NOT NULL,
    investigation_id INTEGER REFERENCES ci_investigations (id),
    state            TEXT NOT NULL DEFAULT '{}',       -- JSON: items (entity ids, positions, pins), notes, formatting, filters
    created_by       TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_by       TEXT NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ci_charts_investigation ON ci_charts (investigation_id);

-- An entity's label as it reads to whoever may not see it (see the PostgreSQL variant).
ALTER TABLE ci_entities ADD COLUMN label_masked TEXT
    GENERATED ALWAYS AS (CASE WHEN kind = 'organisation' THEN label ELSE CASE WHEN label IS NULL THEN NULL WHEN label = '' THEN '' WHEN instr(label, '@') > 1 THEN substr(label, 1, 1) || '***' || substr(label, instr(label, '@')) WHEN length(label) <= 4 THEN replace(hex(zeroblob(length(label))), '00', '*') ELSE replace(hex(zeroblob(length(label) - 4)), '00', '*') || substr(label, -4) END END) VIRTUAL;
