-- Hexhub core schema: the event journal, the audit log and users, roles and permissions.

CREATE TABLE events (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    topic          TEXT NOT NULL,
    occurred_at    INTEGER NOT NULL,           -- Clock time, ms since the epoch (UTC)
    source         TEXT NOT NULL,
    actor          TEXT NOT NULL,
    correlation_id TEXT,
    schema_version INTEGER NOT NULL DEFAULT 1,
    payload        TEXT NOT NULL
);
CREATE INDEX events_occurred_at ON events (occurred_at);
CREATE INDEX events_topic ON events (topic, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event journal is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event journal is append-only');
END;

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,                -- Clock time, ms since the epoch (UTC)
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    origin    TEXT NOT NULL,                   -- where from: host and desk
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The chain's head, authenticated with the audit key: cutting rows off the end shows.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL,
    mac  TEXT NOT NULL
);

CREATE TABLE roles (
    id      TEXT PRIMARY KEY,
    title   TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE permissions (
    id          TEXT PRIMARY KEY,
    module      TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE role_permissions (
    role       TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission TEXT NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
    PRIMARY KEY (role, permission)
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,             -- hex PBKDF2-HMAC-SHA256
    salt            TEXT NOT NULL,             -- hex, 16 random bytes
    iterations      INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,                   -- Clock ms, NULL when not locked
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL REFERENCES roles (id),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role);

INSERT INTO roles (id, title, builtin) VALUES
    ('administrator', 'Administrator', 1),
    ('hub_supervisor', 'Hub supervisor', 1),
    ('political_security_operator', 'Political security joint control operator', 1),
    ('basic_control_operator', 'Basic control operator', 1),
    ('criminal_intel_operator', 'Criminal intelligence operator', 1),
    ('bigdata_investigation_operator', 'Big-data investigation operator', 1),
    ('case_management_operator', 'Case management operator', 1),
    ('supervision_operator', 'Supervision operator', 1),
    ('trainer', 'Trainer', 1),
    ('auditor', 'Auditor', 1);

INSERT INTO permissions (id, module, description) VALUES
    ('core.users.manage', 'core', 'Create users, reset passwords, unlock accounts'),
    ('core.roles.manage', 'core', 'Grant and revoke roles and permissions'),
    ('core.audit.read', 'core', 'Read the audit log'),
    ('core.audit.verify', 'core', 'Verify the audit chain'),
    ('core.personal_data.reveal', 'core', 'Reveal masked personal data, giving a reason');

INSERT INTO role_permissions (role, permission) VALUES
    ('administrator', 'core.users.manage'),
    ('administrator', 'core.roles.manage'),
    ('administrator', 'core.audit.read'),
    ('auditor', 'core.audit.read'),
    ('auditor', 'core.audit.verify'),
    ('hub_supervisor', 'core.personal_data.reveal');
