-- Server-side rules for a shared PostgreSQL store, applied by `hexhub --init-server` after the
-- schema, as the database owner. Idempotent: running it again changes nothing that is already right.
--
-- The server is the security boundary (ARCHITECTURE.md 7). Every operator is a database login, a
-- member of hexhub_app and of the group of their Hexhub role. What each group may do with each table
-- is declared by the modules (sql/server/tables.json) and granted by --init-server after this file;
-- nothing here grants a table. Users, roles, grants and migrations change only through the owner.

-- The groups: hexhub_app (every desk), hexhub_hub (hub supervisors, who see every centre), one per
-- centre, and one for each other built-in role.
DO $$
DECLARE
    grp TEXT;
BEGIN
    -- Roles belong to the whole server: another database prepared at the same moment may create one
    -- between the look and the CREATE, which is as good as this one doing it.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hexhub_app') THEN
        BEGIN
            CREATE ROLE hexhub_app NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    FOREACH grp IN ARRAY ARRAY['hexhub_hub', 'hexhub_centre_political_security', 'hexhub_centre_basic_control',
                               'hexhub_centre_criminal_intel', 'hexhub_centre_bigdata_investigation',
                               'hexhub_centre_case_management', 'hexhub_centre_supervision',
                               'hexhub_trainer', 'hexhub_auditor', 'hexhub_administrator']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = grp) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE hexhub_app', grp);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO hexhub_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- No temporary tables either: a temporary table is found before the catalog's and the schema's in
-- a name lookup, and Hexhub makes none. (The helpers below also fix their search path.)
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;
-- Identity columns and the journal's sequence number: desks draw from sequences, nothing more.
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM hexhub_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hexhub_app;

-- Whether the session is the database's owner (or a superuser): the one who runs migrations and
-- --init-server, not bound by what desks are.
CREATE OR REPLACE FUNCTION hexhub_is_owner() RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT pg_has_role(session_user, (SELECT datdba FROM pg_catalog.pg_database WHERE datname = current_database()), 'MEMBER')
$$;

-- Whether the current login is a hub supervisor's.
CREATE OR REPLACE FUNCTION hexhub_is_hub() RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT pg_has_role(current_user, 'hexhub_hub', 'MEMBER')
$$;

-- Whether the current login may see a centre's rows: hub supervisors see every centre, a centre's
-- desks their own. Unknown centre names (a department outside Hexhub) see nothing.
CREATE OR REPLACE FUNCTION hexhub_sees_centre(centre TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT pg_has_role(current_user, 'hexhub_hub', 'MEMBER')
        OR EXISTS (SELECT FROM pg_catalog.pg_roles r
                   WHERE r.rolname = 'hexhub_centre_' || centre
                     AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$;

-- Whether `source` names a centre: its events and rows are that centre's.
CREATE OR REPLACE FUNCTION hexhub_is_centre(source TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'hexhub_centre_' || source)
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

-- A desk reads its own account, roles and permissions, bound to the login it connected as, and
-- nobody else's; password hashes it never reads (the server checks the password: SCRAM).
CREATE OR REPLACE VIEW hexhub_me AS
    SELECT id, name, display_name, active, locked_until FROM users WHERE name = session_user;
CREATE OR REPLACE VIEW hexhub_my_roles AS
    SELECT ur.role FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE u.name = session_user;
REVOKE ALL ON hexhub_me, hexhub_my_roles FROM PUBLIC;
GRANT SELECT ON hexhub_me, hexhub_my_roles TO hexhub_app;

-- Whether the session's Hexhub user holds `permission` through their roles.
CREATE OR REPLACE FUNCTION hexhub_holds(wanted TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    SELECT EXISTS (SELECT FROM users u
                   JOIN user_roles ur ON ur.user_id = u.id
                   JOIN role_permissions rp ON rp.role = ur.role
                   WHERE u.name = session_user AND u.active = 1 AND rp.permission = wanted
                     -- a locked account's sessions opened before the lock keep no permission
                     AND (u.locked_until IS NULL OR u.locked_until <= (extract(epoch FROM now()) * 1000)::BIGINT))
$$;
REVOKE ALL ON FUNCTION hexhub_holds(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_holds(TEXT) TO hexhub_app;

-- The journal. Each event carries its audience, worked out by the server from what it is about: a
-- centre's own events are that centre's, a hub task's are the centre it is routed to (tasks to units
-- are basic control's), an incident's are for those who may read that incident, an operation's are
-- the hub's; the rest are everyone's. Row-level security shows a desk only the events of its
-- audience (and its own), so the bridge, which reads the journal as the desk's login, delivers
-- nothing else. Actor and time are stamped from the session, and no desk journals in the name of a
-- centre it is not.
ALTER TABLE events ADD COLUMN IF NOT EXISTS audience TEXT NOT NULL DEFAULT 'all';

-- The journal's and the audit chain's order is kept by a row lock on a table only the owner may
-- touch, taken inside the owner's triggers: an advisory lock, which any login may take and hold for
-- its whole session, would let one desk stop every other from publishing or auditing.
CREATE TABLE IF NOT EXISTS hexhub_locks (id INTEGER PRIMARY KEY, what TEXT NOT NULL);
INSERT INTO hexhub_locks (id, what) VALUES (1, 'journal'), (2, 'audit chain') ON CONFLICT (id) DO NOTHING;
REVOKE ALL ON hexhub_locks FROM PUBLIC;

-- A desk's login cannot touch that table, but it can hold a lock through its own transaction (insert
-- an event, then sit, or keep the transaction busy with a statement now and then), and the
-- idle-in-transaction and statement timeouts it was given are only its defaults, which it may turn
-- off. So the server ends, itself, a session of an operator's login that someone waits for (any lock:
-- the journal's, the audit chain's, a row, an advisory lock) when its transaction has run for over
-- 10 s, whatever it does meanwhile (a desk's transactions take milliseconds; the age of a transaction
-- cannot be refreshed without letting its locks go), or, out of any transaction, when someone has
-- waited for it over 10 s (a session-level advisory lock). Never the owner's or a superuser's session
-- (migrations). Every desk's bridge calls this every 5 s (it waits on no lock itself); the decision is
-- the server's, and it logs whom it ended and why. (A prepared transaction has no session to end:
-- --init-server warns when max_prepared_transactions allows them.)
DROP FUNCTION IF EXISTS hexhub_take_lock(INTEGER);
CREATE OR REPLACE FUNCTION hexhub_end_lock_sitters() RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    sitter RECORD;
    ended INTEGER := 0;
BEGIN
    -- Without the right to see other sessions it would find nobody, for ever: say so instead.
    IF NOT ((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)
            OR pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER')) THEN
        RAISE EXCEPTION 'the database owner cannot see other sessions: grant it pg_read_all_stats'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR sitter IN
        SELECT DISTINCT a.pid, a.usename, a.state
        FROM pg_catalog.pg_locks w
        CROSS JOIN LATERAL unnest(pg_catalog.pg_blocking_pids(w.pid)) AS b(pid)
        JOIN pg_catalog.pg_stat_activity a ON a.pid = b.pid
        WHERE NOT w.granted
          AND a.datname = current_database()
          -- One that waits itself is not sitting (and is reported among the blockers of those queued
          -- behind it): an honest desk waiting for the sitter is never ended with it.
          AND NOT EXISTS (SELECT FROM pg_catalog.pg_locks x WHERE x.pid = a.pid AND NOT x.granted)
          AND ((a.xact_start IS NOT NULL AND a.xact_start < clock_timestamp() - interval '10 seconds')
               OR (a.xact_start IS NULL AND w.waitstart < clock_timestamp() - interval '10 seconds'))
    LOOP
        CONTINUE WHEN NOT hexhub_is_account_login(sitter.usename);
        RAISE WARNING 'hexhub: ending the session of % (process %, %): others wait for its locks %', sitter.usename, sitter.pid,
            sitter.state, CASE WHEN sitter.state = 'idle' THEN 'for over 10 s' ELSE 'and its transaction has run for over 10 s' END;
        BEGIN
            IF pg_catalog.pg_terminate_backend(sitter.pid) THEN
                ended := ended + 1;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'hexhub: the database owner may not end other sessions (grant it pg_signal_backend)';
        END;
    END LOOP;
    RETURN ended;
END
$$;
REVOKE ALL ON FUNCTION hexhub_end_lock_sitters() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_end_lock_sitters() TO hexhub_app;

-- The owner sees the sessions' states and ends those (hexhub_end_lock_sitters): pg_read_all_stats and
-- pg_signal_backend where the owner is not a superuser.
DO $$
DECLARE
    needed TEXT;
BEGIN
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        RETURN;
    END IF;
    FOREACH needed IN ARRAY ARRAY['pg_read_all_stats', 'pg_signal_backend'] LOOP
        CONTINUE WHEN pg_has_role(current_user, needed, 'MEMBER');
        BEGIN
            EXECUTE format('GRANT %I TO %I', needed, current_user);
        EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
            RAISE WARNING 'hexhub: % may not be granted %; a desk that sits on a lock is then not cut off by the server '
                          '(grant it as a superuser)', current_user, needed;
        END;
    END LOOP;
END
$$;

-- A prepared transaction keeps its locks with no session the server could end, even across a restart.
-- Hexhub prepares none; where the server allows them, say so.
DO $$
BEGIN
    IF current_setting('max_prepared_transactions')::INTEGER > 0 THEN
        RAISE WARNING 'hexhub: max_prepared_transactions is %; set it to 0: a desk''s login could otherwise hold the '
                      'journal''s lock in a prepared transaction that the server does not end', current_setting('max_prepared_transactions');
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION hexhub_events_assign_seq() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    -- Held until the transaction ends: numbers are handed out in commit order (see migration 0001).
    PERFORM 1 FROM public.hexhub_locks WHERE id = 1 FOR UPDATE;
    NEW.seq := nextval('public.events_seq');
    PERFORM pg_notify('hexhub_events', NEW.seq::text);
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION hexhub_events_assign_seq() FROM PUBLIC;

CREATE OR REPLACE FUNCTION hexhub_event_audience(source TEXT, topic TEXT, payload TEXT) RETURNS TEXT
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    p JSONB;
BEGIN
    -- A hand-over between centres journaled by the giving centre's desk in the same transaction (a
    -- hit taken in as a lead): the receiving centre's, and the giver's own through its actor.
    IF topic = 'lead.received' THEN
        RETURN 'criminal_intel';
    END IF;
    -- What the hub reports on an investigation's tasks and operation, journaled by the reporting
    -- desk in the hub's transaction: criminal intelligence's.
    IF topic = 'investigation.changed' THEN
        RETURN 'criminal_intel';
    END IF;
    IF topic LIKE 'deadline.%' AND hexhub_is_centre(source) THEN
        BEGIN
            p := payload::JSONB;
        EXCEPTION WHEN others THEN
            RETURN source;
        END;
        IF hexhub_is_centre(split_part(p->>'key', '.', 1)) THEN
            RETURN split_part(p->>'key', '.', 1);
        END IF;
    END IF;
    IF hexhub_is_centre(source) THEN
        RETURN source;
    END IF;
    -- An operator's decision on what their desk kept while the server was away: the hub's and the
    -- decider's to read (it names records other centres may not see).
    IF topic LIKE 'change.%' THEN
        RETURN 'hub';
    END IF;
    IF source <> 'hub' THEN
        RETURN 'all';
    END IF;
    BEGIN
        p := payload::JSONB;
    EXCEPTION WHEN others THEN
        RETURN 'hub'; -- a payload the server cannot read is shown to no centre
    END;
    IF topic IN ('task.assigned', 'task.updated') THEN
        RETURN CASE p->>'assigneeKind' WHEN 'centre' THEN COALESCE(p->>'assignee', 'hub') ELSE 'basic_control' END;
    END IF;
    IF topic LIKE 'incident.%' THEN
        RETURN COALESCE('incident:' || COALESCE(p->>'incident', p->>'id', p->>'keep'), 'hub');
    END IF;
    IF topic LIKE 'operation.%' THEN
        -- An operation a centre proposed (or approved from its proposal) is that centre's too.
        RETURN COALESCE(NULLIF(p->>'origin', ''), 'hub');
    END IF;
    RETURN 'all';
END
$$;

CREATE OR REPLACE FUNCTION hexhub_may_read_event(audience TEXT, actor TEXT) RETURNS BOOLEAN
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF audience = 'all' OR hexhub_is_hub() OR actor = session_user THEN
        RETURN TRUE;
    END IF;
    IF audience LIKE 'incident:%' THEN
        -- As the reader: row-level security on hub_incidents decides.
        RETURN EXISTS (SELECT FROM public.hub_incidents WHERE id = substr(audience, 10)::BIGINT);
    END IF;
    RETURN hexhub_sees_centre(audience);
END
$$;

-- Refuses a row written by a desk in the name of a centre its login is not of (`what` says which row).
CREATE OR REPLACE FUNCTION hexhub_refuse_other_centre(source TEXT, what TEXT) RETURNS VOID
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_centre(source) AND NOT hexhub_sees_centre(source) THEN
        RAISE EXCEPTION 'permission denied: % may not write % in the name of %', session_user, what, source
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION hexhub_events_stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_is_owner() THEN
        PERFORM hexhub_refuse_other_centre(NEW.source, 'events');
        -- The hub's events come from hub supervisors and trainers; a centre's desk journals in the
        -- hub's name only what the hub's services do for it: answering a task (and its deadline),
        -- a camera's health seen while watching, and for basic control its units; and what answering
        -- a task another centre asked for tells that centre (investigation.changed: criminal
        -- intelligence's audience, which only refreshes its desks).
        IF NEW.source = 'hub' AND NOT (hexhub_is_hub() OR pg_has_role(current_user, 'hexhub_trainer', 'MEMBER'))
           AND NOT (NEW.topic IN ('task.updated', 'camera.health', 'investigation.changed') OR NEW.topic LIKE 'deadline.%'
                    OR (NEW.topic LIKE 'unit.%' AND hexhub_sees_centre('basic_control'))) THEN
            RAISE EXCEPTION 'permission denied: % may not journal % in the hub''s name', session_user, NEW.topic
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.actor := session_user;
        NEW.occurred_at := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    END IF;
    NEW.audience := hexhub_event_audience(NEW.source, NEW.topic, NEW.payload);
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS events_stamp ON events;
CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION hexhub_events_stamp();

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS events_read ON events;
CREATE POLICY events_read ON events FOR SELECT USING (hexhub_may_read_event(audience, actor));
DROP POLICY IF EXISTS events_add ON events;
CREATE POLICY events_add ON events FOR INSERT WITH CHECK (TRUE);

-- Who did it (and, where the table keeps it, when) on a module's record of work done: a dispatch,
-- a step ticked, a demand's history. For a desk's login the server writes its login (and its own
-- clock), whatever the desk sent, and an update keeps what was stamped. Modules attach it to their
-- tables in their rules: hexhub_stamp_who('by_column'[, 'at_column']).
CREATE OR REPLACE FUNCTION hexhub_stamp_who() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    stamped JSONB;
    kept JSONB;
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        stamped := jsonb_build_object(TG_ARGV[0], session_user::TEXT);
        IF TG_NARGS > 1 THEN
            stamped := stamped || jsonb_build_object(TG_ARGV[1], (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT);
        END IF;
    ELSE
        -- The stamped columns only, not the whole row (which may carry a picture).
        FOR i IN 0 .. TG_NARGS - 1 LOOP
            EXECUTE format('SELECT jsonb_build_object(%L, to_jsonb(($1).%I))', TG_ARGV[i], TG_ARGV[i]) INTO kept USING OLD;
            stamped := COALESCE(stamped, '{}'::JSONB) || kept;
        END LOOP;
    END IF;
    NEW := jsonb_populate_record(NEW, stamped);
    RETURN NEW;
END
$$;

-- Attaches hexhub_stamp_who to a module's table: `by_column` (and `at_column`, when given) stamped.
CREATE OR REPLACE FUNCTION hexhub_stamp_who_on(tbl REGCLASS, by_column TEXT, at_column TEXT DEFAULT NULL) RETURNS VOID
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    trigger_name TEXT := (SELECT relname FROM pg_catalog.pg_class WHERE oid = tbl) || '_who';
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trigger_name, tbl);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION hexhub_stamp_who(%s)',
                   trigger_name, tbl, concat_ws(', ', quote_literal(by_column), quote_literal(at_column)));
END
$$;
REVOKE ALL ON FUNCTION hexhub_stamp_who_on(REGCLASS, TEXT, TEXT) FROM PUBLIC;

-- Commands applied: stamped with the session's login, in no centre's name but the desk's own.
CREATE OR REPLACE FUNCTION hexhub_applied_commands_stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_is_owner() THEN
        PERFORM hexhub_refuse_other_centre(NEW.module, 'applied commands');
        NEW.actor := session_user;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS applied_commands_stamp ON applied_commands;
CREATE TRIGGER applied_commands_stamp BEFORE INSERT ON applied_commands
    FOR EACH ROW EXECUTE FUNCTION hexhub_applied_commands_stamp();

-- The audit chain is the server's: a trigger, run with the owner's rights, numbers each audit row,
-- links it to the one before, stamps actor and time from the session (for desks) and signs it and
-- the head with the deployment's audit key, which it keeps in a table no desk's login may read
-- (--init-server puts it there from the owner's key file). Desks insert audit facts; whatever hash,
-- link or number they send is replaced, and the head is written only here. --verify-audit walks the
-- chain with the key file as before, as an auditor's or the owner's login.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE IF NOT EXISTS hexhub_audit_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BYTEA NOT NULL
);
REVOKE ALL ON hexhub_audit_key FROM PUBLIC;

-- One field of a signed record: its length (4 bytes, big-endian) and its UTF-8 bytes, as the
-- desk's AuditLog signs them, so the key file verifies what the server wrote.
CREATE OR REPLACE FUNCTION hexhub_audit_field(value TEXT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
    SELECT int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
$$;

CREATE OR REPLACE FUNCTION hexhub_audit_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    k BYTEA;
    last_seq BIGINT;
    last_hash TEXT;
BEGIN
    SELECT key INTO k FROM hexhub_audit_key WHERE id = 1;
    IF k IS NULL THEN
        RAISE EXCEPTION 'the server keeps no audit key: run hexhub --init-server with the deployment''s key';
    END IF;
    PERFORM 1 FROM public.hexhub_locks WHERE id = 2 FOR UPDATE; -- one appender at a time: each row links to the one before
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    NEW.seq := COALESCE(last_seq, 0) + 1;
    NEW.prev_hash := COALESCE(last_hash, 'genesis');
    IF NOT hexhub_is_owner() THEN
        -- A desk's row is its login's. The one other thing it may say is less, and only of a failed
        -- sign-in at that login's own desk: that whoever typed the password was not proven.
        IF NEW.actor IS DISTINCT FROM '(unauthenticated) ' || session_user
           OR NEW.action NOT IN ('session.login', 'user.locked')
           OR NEW.object IS DISTINCT FROM 'user:' || session_user
           OR NEW.outcome = 'success' THEN
            NEW.actor := session_user;
        END IF;
        -- Where from: what the desk says of itself (its host and desk id), and in brackets, which the
        -- desk's own text cannot contain, where the server saw the connection come from.
        NEW.origin := translate(left(NEW.origin, 200), '[]', '()') || ' [seen from '
                      || COALESCE(host(inet_client_addr()), 'a local socket') || ']';
        NEW.at := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    END IF;
    NEW.hash := encode(hmac(hexhub_audit_field(NEW.prev_hash) || hexhub_audit_field(NEW.seq::TEXT)
                            || hexhub_audit_field(NEW.at::TEXT) || hexhub_audit_field(NEW.actor)
                            || hexhub_audit_field(NEW.action) || hexhub_audit_field(NEW.object)
                            || hexhub_audit_field(NEW.detail) || hexhub_audit_field(NEW.outcome)
                            || hexhub_audit_field(NEW.origin), k, 'sha256'), 'hex');
    INSERT INTO audit_head (id, seq, hash, mac)
    VALUES (1, NEW.seq, NEW.hash,
            encode(hmac(hexhub_audit_field('audit-head') || hexhub_audit_field(NEW.seq::TEXT)
                        || hexhub_audit_field(NEW.hash), k, 'sha256'), 'hex'))
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION hexhub_audit_chain() FROM PUBLIC;
DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION hexhub_audit_chain();

-- Personal data. Each module's server rules register its personal-data columns here, with the
-- permission that may reveal them and the centre whose rows they are (none: the hub's). The desks'
-- logins are granted the masked column beside each one (tables.json), never the column itself; they
-- reveal a value only through hexhub_reveal(), which checks the permission (or
-- core.personal_data.reveal) and the reason, and puts the reveal on the audit chain before it answers.
CREATE TABLE IF NOT EXISTS hexhub_personal_columns (
    tbl        TEXT NOT NULL,
    col        TEXT NOT NULL,
    permission TEXT NOT NULL,
    centre     TEXT,
    PRIMARY KEY (tbl, col)
);
REVOKE ALL ON hexhub_personal_columns FROM PUBLIC;

CREATE OR REPLACE FUNCTION hexhub_register_personal_column(tbl TEXT, col TEXT, permission TEXT, centre TEXT)
    RETURNS VOID LANGUAGE sql AS
$$
    INSERT INTO hexhub_personal_columns (tbl, col, permission, centre) VALUES (tbl, col, permission, centre)
    ON CONFLICT (tbl, col) DO UPDATE SET permission = excluded.permission, centre = excluded.centre
$$;
REVOKE ALL ON FUNCTION hexhub_register_personal_column(TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;

-- A protected column (a tip's source, which can name an informant): revealed only with the
-- column's own permission, never with the general core.personal_data.reveal.
ALTER TABLE hexhub_personal_columns ADD COLUMN IF NOT EXISTS own_permission_only BOOLEAN NOT NULL DEFAULT FALSE;
CREATE OR REPLACE FUNCTION hexhub_register_protected_column(tbl TEXT, col TEXT, permission TEXT, centre TEXT)
    RETURNS VOID LANGUAGE sql AS
$$
    INSERT INTO hexhub_personal_columns (tbl, col, permission, centre, own_permission_only) VALUES (tbl, col, permission, centre, TRUE)
    ON CONFLICT (tbl, col) DO UPDATE SET permission = excluded.permission, centre = excluded.centre, own_permission_only = TRUE
$$;
REVOKE ALL ON FUNCTION hexhub_register_protected_column(TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;

CREATE OR REPLACE FUNCTION hexhub_reveal(tbl TEXT, col TEXT, row_id BIGINT, reason TEXT) RETURNS TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    registered hexhub_personal_columns%ROWTYPE;
    value TEXT;
    object TEXT := tbl || ':' || row_id || ':' || col;
BEGIN
    SELECT * INTO registered FROM hexhub_personal_columns p WHERE p.tbl = hexhub_reveal.tbl AND p.col = hexhub_reveal.col;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'permission denied: %.% is not a personal-data column to reveal', tbl, col
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT (hexhub_holds(registered.permission) OR (NOT registered.own_permission_only AND hexhub_holds('core.personal_data.reveal')))
       OR (registered.centre IS NOT NULL AND NOT (pg_has_role(session_user, 'hexhub_hub', 'MEMBER')
           OR pg_has_role(session_user, 'hexhub_centre_' || registered.centre, 'MEMBER'))) THEN
        RAISE EXCEPTION 'permission denied: % may not reveal %.%', session_user, tbl, col
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF length(btrim(COALESCE(reason, ''))) < 5 THEN
        RAISE EXCEPTION 'give the reason you need it; it goes on record' USING ERRCODE = 'check_violation';
    END IF;
    EXECUTE format('SELECT %I FROM %I WHERE id = $1', registered.col, registered.tbl) INTO value USING row_id;
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, session_user, 'personal_data.revealed', object, btrim(reason), 'success', 'server', '', '');
    RETURN value;
END
$$;
REVOKE ALL ON FUNCTION hexhub_reveal(TEXT, TEXT, BIGINT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_reveal(TEXT, TEXT, BIGINT, TEXT) TO hexhub_app;

-- Accounts change only through these, run with the owner's rights: each checks that the session's
-- user may (core.users.manage, or one's own password), changes the Hexhub account and the database
-- login together (a disabled user cannot log in to the server either; a new password is the
-- login's), and audits. Only logins that are Hexhub users are touched, never a superuser.
CREATE OR REPLACE FUNCTION hexhub_is_account_login(target TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = target AND NOT rolsuper AND NOT rolcreaterole
                   AND pg_has_role(target, 'hexhub_app', 'MEMBER')
                   AND oid <> (SELECT datdba FROM pg_catalog.pg_database WHERE datname = current_database()))
$$;
REVOKE ALL ON FUNCTION hexhub_is_account_login(TEXT) FROM PUBLIC;

CREATE OR REPLACE FUNCTION hexhub_require_account(target TEXT) RETURNS VOID
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT EXISTS (SELECT FROM users WHERE name = target) OR NOT hexhub_is_account_login(target) THEN
        RAISE EXCEPTION 'there is no user ''%''', target USING ERRCODE = 'no_data_found';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION hexhub_require_account(TEXT) FROM PUBLIC;

CREATE OR REPLACE FUNCTION hexhub_set_active(target TEXT, enable BOOLEAN) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('core.users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not enable or disable accounts', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM hexhub_require_account(target);
    IF NOT enable AND target = session_user THEN
        RAISE EXCEPTION 'you cannot disable your own account' USING ERRCODE = 'check_violation';
    END IF;
    IF NOT enable AND EXISTS (SELECT FROM users u JOIN user_roles ur ON ur.user_id = u.id
                              WHERE u.name = target AND ur.role = 'administrator')
       AND (SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id
            WHERE ur.role = 'administrator' AND u.active = 1) <= 1 THEN
        RAISE EXCEPTION 'this is the last active administrator' USING ERRCODE = 'check_violation';
    END IF;
    UPDATE users SET active = CASE WHEN enable THEN 1 ELSE 0 END, failed_attempts = 0, locked_until = NULL
    WHERE name = target;
    EXECUTE format('ALTER ROLE %I %s', target, CASE WHEN enable THEN 'LOGIN' ELSE 'NOLOGIN' END);
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, session_user, CASE WHEN enable THEN 'user.enabled' ELSE 'user.disabled' END, 'user:' || target, '',
            'success', 'server', '', '');
END
$$;
REVOKE ALL ON FUNCTION hexhub_set_active(TEXT, BOOLEAN) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_set_active(TEXT, BOOLEAN) TO hexhub_app;

CREATE OR REPLACE FUNCTION hexhub_set_password(target TEXT, password TEXT, hash TEXT, salt TEXT, iterations INTEGER)
    RETURNS VOID LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF target <> session_user AND NOT hexhub_holds('core.users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not set another user''s password', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT FROM users WHERE name = session_user AND locked_until IS NOT NULL
               AND locked_until > (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT) THEN
        RAISE EXCEPTION 'permission denied: the account % is locked', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM hexhub_require_account(target);
    IF length(COALESCE(password, '')) < 12 THEN
        RAISE EXCEPTION 'the password is too short' USING ERRCODE = 'check_violation';
    END IF;
    UPDATE users SET password_hash = hash, salt = hexhub_set_password.salt, iterations = hexhub_set_password.iterations,
                     password_changed_at = (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT,
                     failed_attempts = 0, locked_until = NULL
    WHERE name = target;
    -- A new password ends a lock (the account's and its login's); a disabled account stays NOLOGIN.
    EXECUTE format('ALTER ROLE %I %s PASSWORD %L', target,
                   CASE WHEN (SELECT active FROM users WHERE name = target) = 1 THEN 'LOGIN' ELSE 'NOLOGIN' END, password);
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, session_user, CASE WHEN target = session_user THEN 'user.password_changed' ELSE 'user.password_reset' END,
            'user:' || target, '', 'success', 'server', '', '');
END
$$;
REVOKE ALL ON FUNCTION hexhub_set_password(TEXT, TEXT, TEXT, TEXT, INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_set_password(TEXT, TEXT, TEXT, TEXT, INTEGER) TO hexhub_app;

-- A role given or taken away (core.roles.manage): the Hexhub role and the login's group together
-- (hub_supervisor: hexhub_hub; <centre>_operator: hexhub_centre_<centre>; any other: hexhub_<role>),
-- so what the server lets the login read follows at once. The last administrator keeps the role.
CREATE OR REPLACE FUNCTION hexhub_set_role(target TEXT, wanted TEXT, give BOOLEAN) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    account BIGINT;
    grp TEXT;
BEGIN
    IF NOT hexhub_holds('core.roles.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not grant or revoke roles', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM hexhub_require_account(target);
    IF NOT EXISTS (SELECT FROM roles WHERE id = wanted) THEN
        RAISE EXCEPTION 'there is no role ''%''', wanted USING ERRCODE = 'no_data_found';
    END IF;
    SELECT id INTO account FROM users WHERE name = target;
    grp := CASE WHEN wanted = 'hub_supervisor' THEN 'hexhub_hub'
                WHEN right(wanted, 9) = '_operator' THEN 'hexhub_centre_' || left(wanted, -9)
                ELSE 'hexhub_' || wanted END;
    IF give THEN
        INSERT INTO user_roles (user_id, role) VALUES (account, wanted) ON CONFLICT DO NOTHING;
        IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = grp) THEN
            EXECUTE format('GRANT %I TO %I', grp, target);
        END IF;
    ELSE
        IF wanted = 'administrator' AND EXISTS (SELECT FROM user_roles WHERE user_id = account AND role = wanted)
           AND (SELECT count(*) FROM user_roles WHERE role = 'administrator') <= 1 THEN
            RAISE EXCEPTION 'this is the last administrator' USING ERRCODE = 'check_violation';
        END IF;
        DELETE FROM user_roles WHERE user_id = account AND role = wanted;
        IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = grp) THEN
            EXECUTE format('REVOKE %I FROM %I', grp, target);
        END IF;
    END IF;
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, session_user, CASE WHEN give THEN 'role.granted' ELSE 'role.revoked' END, 'user:' || target, wanted,
            'success', 'server', '', '');
END
$$;
REVOKE ALL ON FUNCTION hexhub_set_role(TEXT, TEXT, BOOLEAN) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_set_role(TEXT, TEXT, BOOLEAN) TO hexhub_app;

-- The accounts an administrator lists (the accounts screen): a desk's login reads no row of users or
-- user_roles, so the list comes from here, run with the owner's rights, for core.users.manage only,
-- and never with the password's columns (hash, salt, iterations) or the failed-attempt count. `filter`
-- is found anywhere in the name or display name, any case, or, `exact`, is the name.
CREATE OR REPLACE FUNCTION hexhub_account_matches(name TEXT, display_name TEXT, filter TEXT, exact BOOLEAN)
    RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS
$$
    SELECT CASE WHEN exact THEN name = filter
                ELSE COALESCE(filter, '') = '' OR strpos(lower(name), lower(filter)) > 0
                     OR strpos(lower(display_name), lower(filter)) > 0 END
$$;

CREATE OR REPLACE FUNCTION hexhub_accounts(filter TEXT, exact BOOLEAN, lim INTEGER, skip INTEGER)
    RETURNS TABLE (id BIGINT, name TEXT, display_name TEXT, active INTEGER, locked_until BIGINT, created_at BIGINT,
                   password_changed_at BIGINT, roles TEXT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('core.users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not list accounts', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT u.id, u.name, u.display_name, u.active, u.locked_until, u.created_at, u.password_changed_at,
               (SELECT string_agg(ur.role, ',' ORDER BY ur.role) FROM user_roles ur WHERE ur.user_id = u.id)
        FROM users u
        WHERE hexhub_account_matches(u.name, u.display_name, filter, exact)
        ORDER BY u.name
        LIMIT GREATEST(COALESCE(lim, 0), 0) OFFSET GREATEST(COALESCE(skip, 0), 0);
END
$$;
REVOKE ALL ON FUNCTION hexhub_accounts(TEXT, BOOLEAN, INTEGER, INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_accounts(TEXT, BOOLEAN, INTEGER, INTEGER) TO hexhub_app;

CREATE OR REPLACE FUNCTION hexhub_account_count(filter TEXT) RETURNS BIGINT
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('core.users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not list accounts', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN (SELECT count(*) FROM users u WHERE hexhub_account_matches(u.name, u.display_name, filter, false));
END
$$;
REVOKE ALL ON FUNCTION hexhub_account_count(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_account_count(TEXT) TO hexhub_app;

-- Lockout on a shared server. The server checks the password (SCRAM), so a wrong one is counted
-- here, bound to the login the desk is (session_user: a desk counts guesses against its own login
-- and nobody else's), with the account's row locked for the count: guesses sent at once, from one
-- desk or several, are counted one after another and none slips past a lock another one just set.
-- The fifth wrong password in a row locks the account for 15 minutes and its login with it
-- (NOLOGIN: while locked, no program reaches the server with any password, the right one included).
-- The audit names the actor '(unauthenticated) <login>'. Returns when the lock ends (epoch ms) if
-- this attempt locked the account, else NULL.
CREATE OR REPLACE FUNCTION hexhub_sign_in_failed() RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    account users%ROWTYPE;
    now_ms BIGINT := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    failures INTEGER;
    who TEXT := '(unauthenticated) ' || session_user;
    object TEXT := 'user:' || session_user;
BEGIN
    SELECT * INTO account FROM users WHERE name = session_user FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
        VALUES (0, 0, who, 'session.login', object, 'unknown user', 'failed', 'server', '', '');
        RETURN NULL;
    END IF;
    IF account.locked_until IS NOT NULL AND account.locked_until > now_ms THEN
        INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
        VALUES (0, 0, who, 'session.login', object, 'account locked', 'locked', 'server', '', '');
        RETURN NULL;
    END IF;
    IF account.active <> 1 THEN
        INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
        VALUES (0, 0, who, 'session.login', object, 'account disabled', 'denied', 'server', '', '');
        RETURN NULL;
    END IF;
    failures := account.failed_attempts + 1;
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, who, 'session.login', object, 'wrong password, attempt ' || failures, 'failed', 'server', '', '');
    IF failures < 5 THEN
        UPDATE users SET failed_attempts = failures WHERE id = account.id;
        RETURN NULL;
    END IF;
    UPDATE users SET failed_attempts = 0, locked_until = now_ms + 15 * 60 * 1000 WHERE id = account.id;
    IF hexhub_is_account_login(session_user) THEN -- never the owner or a superuser
        EXECUTE format('ALTER ROLE %I NOLOGIN', session_user);
    END IF;
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, who, 'user.locked', object, failures || ' failed sign-ins', 'locked', 'server', '', '');
    RETURN now_ms + 15 * 60 * 1000;
END
$$;
REVOKE ALL ON FUNCTION hexhub_sign_in_failed() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_sign_in_failed() TO hexhub_app;

-- The server accepted the login's password at its desk: the count of wrong ones starts again. Bound
-- to session_user, and only a session that proved the password to the server has one. False when the
-- account may not be used (disabled, or locked and the lock not over).
CREATE OR REPLACE FUNCTION hexhub_sign_in_succeeded() RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    account users%ROWTYPE;
    now_ms BIGINT := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
BEGIN
    SELECT * INTO account FROM users WHERE name = session_user FOR UPDATE;
    IF NOT FOUND OR account.active <> 1 OR (account.locked_until IS NOT NULL AND account.locked_until > now_ms) THEN
        RETURN false;
    END IF;
    UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = account.id;
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION hexhub_sign_in_succeeded() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_sign_in_succeeded() TO hexhub_app;

-- A lock ends by itself after its 15 minutes. PostgreSQL runs nothing on a timer, so every desk asks
-- for it before each sign-in: whichever desk signs in next gives every login whose lock is over its
-- LOGIN back (a disabled account stays NOLOGIN). Any desk may call it; it only ever ends locks that
-- are over. Returns how many it ended.
CREATE OR REPLACE FUNCTION hexhub_lift_expired_locks() RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    account users%ROWTYPE;
    now_ms BIGINT := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    ended INTEGER := 0;
BEGIN
    FOR account IN SELECT * FROM users WHERE locked_until IS NOT NULL AND locked_until <= now_ms
                   ORDER BY id FOR UPDATE SKIP LOCKED LOOP
        UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE id = account.id;
        IF account.active = 1 AND hexhub_is_account_login(account.name) THEN
            EXECUTE format('ALTER ROLE %I LOGIN', account.name);
        END IF;
        INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
        VALUES (0, 0, session_user, 'user.lock_ended', 'user:' || account.name, 'the 15 minutes are over', 'success',
                'server', '', '');
        ended := ended + 1;
    END LOOP;
    RETURN ended;
END
$$;
REVOKE ALL ON FUNCTION hexhub_lift_expired_locks() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_lift_expired_locks() TO hexhub_app;

-- An administrator (core.users.manage) lifts a lock at once: the account's count and lock are
-- cleared and an active account's login may log in again. This is how an administrator locked by
-- someone's guesses gets back before the 15 minutes: another administrator unlocks them.
CREATE OR REPLACE FUNCTION hexhub_unlock(target TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    account users%ROWTYPE;
BEGIN
    IF NOT hexhub_holds('core.users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not unlock accounts', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF target = session_user THEN
        RAISE EXCEPTION 'permission denied: another administrator lifts your lock' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM hexhub_require_account(target);
    SELECT * INTO account FROM users WHERE name = target FOR UPDATE;
    UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = account.id;
    IF account.active = 1 THEN
        EXECUTE format('ALTER ROLE %I LOGIN', target);
    END IF;
    INSERT INTO audit_log (seq, at, actor, action, object, detail, outcome, origin, prev_hash, hash)
    VALUES (0, 0, session_user, 'user.unlocked', 'user:' || target, '', 'success', 'server', '', '');
END
$$;
REVOKE ALL ON FUNCTION hexhub_unlock(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_unlock(TEXT) TO hexhub_app;

-- The centres' time limits (core migration 9): every desk reads them; only a holder of
-- core.time_limits.manage changes one, and only its length, reason and version (the grants); who
-- changed it and when are the server's to write, whatever the desk sent.
ALTER TABLE time_limits ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS time_limits_read ON time_limits;
CREATE POLICY time_limits_read ON time_limits FOR SELECT USING (TRUE);
DROP POLICY IF EXISTS time_limits_change ON time_limits;
CREATE POLICY time_limits_change ON time_limits FOR UPDATE
    USING (hexhub_holds('core.time_limits.manage')) WITH CHECK (hexhub_holds('core.time_limits.manage'));
CREATE OR REPLACE FUNCTION hexhub_time_limits_stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_is_owner() THEN
        NEW.changed_by := session_user::TEXT;
        NEW.changed_at := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS time_limits_who ON time_limits;
CREATE TRIGGER time_limits_who BEFORE UPDATE ON time_limits FOR EACH ROW EXECUTE FUNCTION hexhub_time_limits_stamp();
