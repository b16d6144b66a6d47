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
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, events, applied_changes, applied_commands FROM hexhub_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, store_meta FROM hexhub_app;

-- One group role per centre, and hexhub_hub for the hub supervisors who see everything. A desk's
-- login role joins hexhub_app and the role of its centre (hexhub --add-user does both).
DO $$
DECLARE
    centre TEXT;
BEGIN
    FOREACH centre IN ARRAY ARRAY['hub', 'centre_political_security', 'centre_basic_control',
                                  'centre_criminal_intel', 'centre_bigdata_investigation',
                                  'centre_case_management', 'centre_supervision']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hexhub_' || centre) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE hexhub_app', 'hexhub_' || centre);
        END IF;
    END LOOP;
END
$$;

-- Whether the current login may see a centre's rows: hub supervisors see every centre, a centre's
-- desks their own. Unknown centre names (a department outside Hexhub) see nothing.
CREATE OR REPLACE FUNCTION hexhub_sees_centre(centre TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS
$$
    SELECT pg_has_role(current_user, 'hexhub_hub', 'MEMBER')
        OR EXISTS (SELECT FROM pg_roles r
                   WHERE r.rolname = 'hexhub_centre_' || centre
                     AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$;

-- Scopes a centre's own table to that centre: row-level security with one policy, so another
-- centre's desk reading it gets no rows and changes none. Modules call it from their server rules
-- (sql/server/*.postgresql.sql), which --init-server applies after this file. The owner, who runs
-- migrations, is not bound by policies.
CREATE OR REPLACE FUNCTION hexhub_scope_to_centre(tbl REGCLASS, centre TEXT) RETURNS VOID
    LANGUAGE plpgsql AS
$$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('DROP POLICY IF EXISTS centre_scope ON %s', tbl);
    EXECUTE format('CREATE POLICY centre_scope ON %s USING (hexhub_sees_centre(%L))', tbl, centre);
END
$$;
