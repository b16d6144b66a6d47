-- Supervision: public demands from every channel, their routing and SLA clock.

CREATE TABLE sv_demands (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    reference    TEXT NOT NULL UNIQUE,
    channel      TEXT NOT NULL
                 CHECK (channel IN ('hotline_12345', 'petition', 'mayor_mailbox', 'complaint', 'online', 'walk_in')),
    category     TEXT NOT NULL,
    summary      TEXT NOT NULL,
    contact      TEXT,                                -- personal data: masked unless the role may see it
    status       TEXT NOT NULL DEFAULT 'received'
                 CHECK (status IN ('received', 'routed', 'in_progress', 'answered', 'closed', 'escalated')),
    routed_to    TEXT,                                -- module or department
    received_at  INTEGER NOT NULL,
    sla_due_at   INTEGER NOT NULL,
    answered_at  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sv_demands_sla ON sv_demands (status, sla_due_at);

CREATE TABLE sv_demand_history (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    demand_id INTEGER NOT NULL REFERENCES sv_demands (id),
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sv_demand_history_demand ON sv_demand_history (demand_id, at);
