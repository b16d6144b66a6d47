-- Criminal intelligence: leads, the links between entities, joint investigations.

CREATE TABLE ci_leads (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    reference   TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,                        -- informant, model alert, other centre, public ...
    summary     TEXT NOT NULL,
    grade       TEXT CHECK (grade IN ('A', 'B', 'C', 'D', 'E')),  -- source reliability
    status      TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'triaged', 'developing', 'handed_over', 'closed')),
    legal_basis TEXT NOT NULL,
    retain_until INTEGER NOT NULL,                    -- Clock ms: deleted after this date
    received_at INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ci_leads_status ON ci_leads (status, received_at);

CREATE TABLE ci_entities (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id INTEGER NOT NULL REFERENCES ci_leads (id),
    kind    TEXT NOT NULL CHECK (kind IN ('person', 'phone', 'vehicle', 'account', 'address', 'organisation')),
    label   TEXT NOT NULL                             -- personal data: masked unless the role may see it
);
CREATE INDEX ci_entities_lead ON ci_entities (lead_id);

CREATE TABLE ci_links (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    from_id   INTEGER NOT NULL REFERENCES ci_entities (id),
    to_id     INTEGER NOT NULL REFERENCES ci_entities (id),
    relation  TEXT NOT NULL,
    evidence  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ci_links_from ON ci_links (from_id);
CREATE INDEX ci_links_to ON ci_links (to_id);

CREATE TABLE ci_investigations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT NOT NULL,
    lead_id    INTEGER REFERENCES ci_leads (id),
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'suspended', 'closed')),
    opened_at  INTEGER NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE ci_task_division (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    investigation_id INTEGER NOT NULL REFERENCES ci_investigations (id) ON DELETE CASCADE,
    unit             TEXT NOT NULL,
    assignment       TEXT NOT NULL,
    due_at           INTEGER,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'))
);
