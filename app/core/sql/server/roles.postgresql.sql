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

-- Tasks the hub hands out are centre-scoped: a centre's desks see and change their own centre's
-- tasks; the hub sees all. The owner (who runs migrations) is not bound by the policy.
ALTER TABLE hub_tasks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS hub_tasks_by_centre ON hub_tasks;
CREATE POLICY hub_tasks_by_centre ON hub_tasks
    USING (pg_has_role(current_user, 'hexhub_hub', 'MEMBER')
           OR EXISTS (SELECT FROM pg_roles r
                      WHERE r.rolname = 'hexhub_centre_' || hub_tasks.centre
                        AND pg_has_role(current_user, r.oid, 'MEMBER')));
