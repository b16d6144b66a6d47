-- Political security joint control: protected sites, security plans for events, and their posts.

CREATE TABLE ps_sites (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,                          -- venue, government site, embassy, transport hub ...
    address   TEXT NOT NULL,
    latitude  REAL,
    longitude REAL,
    perimeter TEXT,                                   -- GeoJSON polygon of the secured area
    version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE ps_plans (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    site_id     INTEGER NOT NULL REFERENCES ps_sites (id),
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'approved', 'active', 'stood_down')),
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL CHECK (ends_at > starts_at),
    agencies    TEXT NOT NULL DEFAULT '[]',           -- JSON array of the joint agencies taking part
    created_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ps_plans_window ON ps_plans (status, starts_at);

CREATE TABLE ps_posts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id    INTEGER NOT NULL REFERENCES ps_plans (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    latitude   REAL,
    longitude  REAL,
    staff_needed INTEGER NOT NULL DEFAULT 1,
    unit_id    TEXT,                                  -- hub unit manning the post
    last_report_at INTEGER,
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ps_posts_plan ON ps_posts (plan_id);
