-- Server-side rules for a shared PostgreSQL store, applied by `hexhub --init-server` after the
-- schema. Idempotent: running it again changes nothing that is already right.
-- hexhub_app is the group every desk's login role belongs to. It may read and change the working
-- tables, but the audit log and the event journal only grow: no UPDATE, DELETE or TRUNCATE.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hexhub_app') THEN
        CREATE ROLE hexhub_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO hexhub_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hexhub_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hexhub_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, events FROM hexhub_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, store_meta FROM hexhub_app;
