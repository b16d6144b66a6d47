-- Cases on their path (issue 22 section 1): each case walks the stages of its kind's path (stage);
-- status stays the phase both paths share (registered, investigating, referred, decided, closed),
-- which snapshots and the hub read. The statutory limits each case keeps, one row per running
-- limit, on the hub's deadline queue; a stage that needs approval moves only on an approval given
-- by someone who may approve, used once.
ALTER TABLE cm_cases ADD COLUMN stage TEXT NOT NULL DEFAULT 'registered'
    CHECK (stage IN ('registered', 'investigating', 'measures', 'referred', 'prosecuted', 'tried',
                     'accepted', 'investigated', 'decided', 'executed', 'closed'));
ALTER TABLE cm_cases ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_cases ADD COLUMN stage_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_cases ADD COLUMN opened_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cm_cases ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
UPDATE cm_cases SET updated_at = opened_at,
    stage = CASE WHEN kind = 'administrative' THEN
                     CASE status WHEN 'registered' THEN 'accepted' WHEN 'investigating' THEN 'investigated'
                                 WHEN 'referred' THEN 'decided' ELSE status END
                 ELSE CASE status WHEN 'decided' THEN 'tried' ELSE status END END;
CREATE INDEX cm_cases_stage ON cm_cases (stage, opened_at);

CREATE TABLE cm_case_limits (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       INTEGER NOT NULL REFERENCES cm_cases (id),
    rule          TEXT NOT NULL,                      -- time_limits rule of case_management, e.g. detention.transfer
    custody_id    INTEGER REFERENCES cm_custody (id), -- the person it runs for, when it runs for one
    note          TEXT NOT NULL DEFAULT '',
    started_at    INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    base_minutes  INTEGER NOT NULL,
    extended_minutes INTEGER NOT NULL DEFAULT 0,
    extension_ground TEXT NOT NULL DEFAULT '',        -- ordinary, or roving / repeat / gang (arrest request)
    extension_reason TEXT NOT NULL DEFAULT '',
    extended_by   TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'met', 'cancelled')),
    ended_at      INTEGER,
    ended_by      TEXT NOT NULL DEFAULT '',
    end_note      TEXT NOT NULL DEFAULT '',
    started_by    TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cm_case_limits_case ON cm_case_limits (case_id, state);
CREATE INDEX cm_case_limits_running ON cm_case_limits (state, due_at);

CREATE TABLE cm_approvals (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cm_cases (id),
    what        TEXT NOT NULL,                        -- stage:<stage>, or extend:<limit id>
    note        TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at INTEGER NOT NULL,
    used_at     INTEGER,
    used_by     TEXT NOT NULL DEFAULT '',
    used_txid   INTEGER                                 -- the transaction that used it (the shared server's guard)
);
CREATE INDEX cm_approvals_case ON cm_approvals (case_id, what);

-- The statutory limits (core migration 9), with the Criminal Procedure Law's and the Public Security
-- Administration Punishments Law's defaults (api/hexhub/case_management/cases.h says which article).
INSERT INTO time_limits (module, rule, title, minutes, default_minutes) VALUES
    ('case_management', 'summons', 'A summoned person released or held on another ground', 720, 720),
    ('case_management', 'summons.serious', 'A summons approved as serious ended', 1440, 1440),
    ('case_management', 'questioning', 'Administrative questioning ended', 480, 480),
    ('case_management', 'questioning.detention', 'Questioning where detention is likely ended', 1440, 1440),
    ('case_management', 'detention.transfer', 'A detained person transferred to the detention centre', 1440, 1440),
    ('case_management', 'detention.family', 'A detained person''s family notified', 1440, 1440),
    ('case_management', 'detention.interrogation', 'A detained person first interrogated', 1440, 1440),
    ('case_management', 'arrest.request', 'An arrest requested of the procuratorate', 4320, 4320),
    ('case_management', 'arrest.request.extension', 'The longest ordinary extension of an arrest request', 5760, 5760),
    ('case_management', 'arrest.request.gang', 'An arrest request for a roving, repeat or gang suspect, at most', 43200, 43200),
    ('case_management', 'procuratorate.decision', 'The procuratorate''s decision on an arrest', 10080, 10080),
    ('case_management', 'admin.close', 'An administrative case closed', 43200, 43200),
    ('case_management', 'admin.close.extension', 'The extension of an administrative case', 43200, 43200);
