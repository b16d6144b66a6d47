-- The escort team (issue 22 section 3): its roster of crews (call sign, officers, vehicle, on duty),
-- and the escorts of people in custody to the detention centre, a hospital, a court or another unit,
-- each driven by a deadline (the person's transfer limit, or a time given), assigned a crew and its
-- vehicle, departed and arrived, with who did each.
CREATE TABLE cm_escort_crews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    call_sign   TEXT NOT NULL UNIQUE,
    officers    TEXT NOT NULL,
    vehicle     TEXT NOT NULL,
    on_duty     INTEGER NOT NULL DEFAULT 1,
    version     INTEGER NOT NULL DEFAULT 1
);
INSERT INTO cm_escort_crews (call_sign, officers, vehicle) VALUES
    ('E-1', 'Sgt. Wang, PC Zhou', 'Van 31'), ('E-2', 'Sgt. Liu, PC Sun', 'Van 32'), ('E-3', 'Sgt. Chen, PC Ma', 'Car 17');

CREATE TABLE cm_escorts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    custody_id       INTEGER NOT NULL REFERENCES cm_custody (id),
    case_id          INTEGER NOT NULL REFERENCES cm_cases (id),
    destination_kind TEXT NOT NULL CHECK (destination_kind IN ('detention_centre', 'hospital', 'court', 'unit')),
    destination      TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    deadline_at      INTEGER NOT NULL,                      -- by when it must arrive
    limit_id         INTEGER REFERENCES cm_case_limits (id), -- the statutory limit that drives it (the transfer)
    crew_id          INTEGER REFERENCES cm_escort_crews (id),
    vehicle          TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'assigned', 'departed', 'arrived', 'cancelled')),
    requested_at     INTEGER NOT NULL,
    requested_by     TEXT NOT NULL DEFAULT '',
    assigned_at      INTEGER,
    assigned_by      TEXT NOT NULL DEFAULT '',
    departed_at      INTEGER,
    departed_by      TEXT NOT NULL DEFAULT '',
    arrived_at       INTEGER,
    arrived_by       TEXT NOT NULL DEFAULT '',
    received_by      TEXT NOT NULL DEFAULT '',          -- who took the person at the destination
    note             TEXT NOT NULL DEFAULT '',          -- why it was cancelled
    version          INTEGER NOT NULL DEFAULT 1
);
-- One open escort a person; a crew on one escort at a time.
CREATE UNIQUE INDEX cm_escorts_open_person ON cm_escorts (custody_id) WHERE state IN ('requested', 'assigned', 'departed');
CREATE UNIQUE INDEX cm_escorts_busy_crew ON cm_escorts (crew_id) WHERE state IN ('assigned', 'departed');
CREATE INDEX cm_escorts_board ON cm_escorts (state, deadline_at);
