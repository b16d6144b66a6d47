-- Tasks and operations a centre asks for (issue 21): the centre that asked is kept beside the
-- assignee, so that its desks follow them (an investigation's task division, the operation it
-- proposed). Operations a centre proposes wait here until the hub supervisor approves them (which
-- plans the operation with its task division) or rejects them with a reason.
ALTER TABLE hub_tasks ADD COLUMN origin TEXT;
CREATE INDEX hub_tasks_origin ON hub_tasks (origin, id);
ALTER TABLE hub_operations ADD COLUMN origin TEXT;
ALTER TABLE hub_operations ADD COLUMN origin_ref TEXT;

CREATE TABLE hub_operation_proposals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL,
    objective    TEXT NOT NULL DEFAULT '',
    go_at        INTEGER,                              -- suggested (Clock ms); the supervisor fixes it
    incident_id  INTEGER REFERENCES hub_incidents (id),
    origin       TEXT NOT NULL,                        -- the proposing centre's module id
    origin_ref   TEXT NOT NULL,                        -- its record there
    division     TEXT NOT NULL,                        -- JSON array of ProposedTask
    status       TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
    proposed_by  TEXT NOT NULL,
    proposed_at  INTEGER NOT NULL,
    reviewed_by  TEXT,
    reviewed_at  INTEGER,
    review_note  TEXT NOT NULL DEFAULT '',
    operation_id INTEGER REFERENCES hub_operations (id),
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX hub_operation_proposals_status ON hub_operation_proposals (status, proposed_at);
CREATE INDEX hub_operation_proposals_origin ON hub_operation_proposals (origin, origin_ref);
