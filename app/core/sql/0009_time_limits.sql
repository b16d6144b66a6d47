-- The time limits the centres keep (CENTRES.md "Time"): a row per rule, seeded by the module that
-- keeps it with the default its issue gives; an administrator changes its length (with a reason,
-- audited). `title` is English, read through the translations when shown. A changed limit applies
-- to limits started after the change: one already running keeps the due time it was given.
CREATE TABLE time_limits (
    module          TEXT NOT NULL,
    rule            TEXT NOT NULL,
    title           TEXT NOT NULL,
    minutes         BIGINT NOT NULL CHECK (minutes > 0),
    default_minutes BIGINT NOT NULL CHECK (default_minutes > 0),
    changed_by      TEXT,
    changed_at      BIGINT,
    reason          TEXT,
    version         BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (module, rule)
);
INSERT INTO permissions (id, module, description) VALUES
    ('core.time_limits.manage', 'core', 'Change the time limits the centres keep');
INSERT INTO role_permissions (role, permission) VALUES
    ('administrator', 'core.time_limits.manage');
