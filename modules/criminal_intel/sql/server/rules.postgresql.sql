-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('ci_leads', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_entities', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_links', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_lead_entities', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_charts', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigations', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_task_division', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigation_members', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigation_targets', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigation_reports', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigation_journal', 'criminal_intel');

-- An entity's label (a person, a phone, an account, an address, a plate) is personal data: desks
-- read label_masked, and reveal the label through hexhub_reveal() with
-- criminal_intel.investigation.manage and a reason, on the audit chain.
SELECT hexhub_register_personal_column('ci_entities', 'label', 'criminal_intel.investigation.manage', 'criminal_intel');

-- A tip's source (issue 21) is protected: desks read source_detail_masked, and the source itself
-- only through hexhub_reveal() with criminal_intel.source.reveal (not the general reveal right: it
-- can name an informant) and a reason, on the audit chain.
SELECT hexhub_register_protected_column('ci_leads', 'source_detail', 'criminal_intel.source.reveal', 'criminal_intel');

-- The intake of a hit big-data hands on: the big-data desk's login may not write this centre's
-- rows, so the server takes the hit in from its own row, and only a hit handed on to this centre by
-- someone who may review hits, in the transaction that hands it on (handed_to set, status handed_on).
-- Everything in the lead comes from the hit's row; the desk gives only the times (the Clock's, so
-- that demo and training keep their simulated time). A hit already taken in gives its lead again.
CREATE OR REPLACE FUNCTION ci_take_in_hit(hit BIGINT, given_received BIGINT, given_due BIGINT)
    RETURNS TABLE (lead_id BIGINT, lead_reference TEXT, lead_summary TEXT, created BOOLEAN)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    h RECORD;
    record TEXT := 'hit ' || hit;
    made BIGINT;
BEGIN
    IF NOT hexhub_holds('bigdata_investigation.hit.review') THEN
        RAISE EXCEPTION 'permission denied: % may not hand hits on', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id, summary, evidence, reason INTO h FROM bd_hits
        WHERE id = hit AND status = 'handed_on' AND handed_to = 'criminal_intel';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'hit % is not handed on to criminal intelligence', hit USING ERRCODE = 'check_violation';
    END IF;
    IF abs(given_received - (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT) > 400 * 86400000::BIGINT
       OR given_due < given_received OR given_due > given_received + 366 * 86400000::BIGINT THEN
        RAISE EXCEPTION 'the times given for hit % are not plausible', hit USING ERRCODE = 'check_violation';
    END IF;
    RETURN QUERY SELECT l.id, l.reference, l.summary, FALSE FROM ci_leads l WHERE l.source_kind = 'big_data' AND l.source_record = record;
    IF FOUND THEN
        RETURN;
    END IF;
    INSERT INTO ci_leads (reference, source_kind, source_centre, source_record, summary, details, evidence, legal_basis,
                          retain_until, received_at, due_at, updated_at)
        VALUES ('pending-' || record, 'big_data', 'bigdata_investigation', record,
                left(COALESCE(NULLIF(btrim(h.summary), ''), 'Hit ' || hit || ' handed on by big-data investigation'), 300),
                COALESCE(h.reason, ''), h.evidence,
                'Analysis of records under the big-data centre''s dataset provenance',
                given_received + 5 * 365 * 86400000::BIGINT, given_received, given_due, given_received)
        RETURNING id INTO made;
    UPDATE ci_leads SET reference = 'L-' || extract(year FROM to_timestamp(given_received / 1000.0) AT TIME ZONE 'UTC')::INT || '-' || lpad(made::TEXT, 5, '0')
        WHERE id = made;
    RETURN QUERY SELECT l.id, l.reference, l.summary, TRUE FROM ci_leads l WHERE l.id = made;
END
$$;
REVOKE ALL ON FUNCTION ci_take_in_hit(BIGINT, BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_take_in_hit(BIGINT, BIGINT, BIGINT) TO hexhub_app;

-- Who a lead may be assigned to: the active users holding criminal_intel.lead.triage (desks may not
-- read the users table), for those who may triage themselves.
CREATE OR REPLACE FUNCTION ci_analysts() RETURNS TABLE (name TEXT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('criminal_intel.lead.triage') THEN
        RAISE EXCEPTION 'permission denied: % may not assign leads', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT DISTINCT u.name::TEXT FROM users u JOIN user_roles ur ON ur.user_id = u.id
        JOIN role_permissions rp ON rp.role = ur.role
        WHERE u.active = 1 AND rp.permission = 'criminal_intel.lead.triage';
END
$$;
REVOKE ALL ON FUNCTION ci_analysts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_analysts() TO hexhub_app;

-- The grading scheme is changed by an administrator only: the service checks the permission, and
-- so does the server, whoever's login sends the UPDATE; the server stamps who and when.
CREATE OR REPLACE FUNCTION ci_settings_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_is_owner() THEN
        IF NOT hexhub_holds('criminal_intel.settings.manage') THEN
            RAISE EXCEPTION 'permission denied: % may not change criminal intelligence''s settings', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- Who changed it and when are the server's to write, whatever the desk sent.
        NEW.changed_by := session_user::TEXT;
        NEW.changed_at := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS ci_settings_guard ON ci_settings;
CREATE TRIGGER ci_settings_guard BEFORE UPDATE ON ci_settings FOR EACH ROW EXECUTE FUNCTION ci_settings_guard();

-- The intake of an incident the hub sends to intelligence: the hub's login may not write this
-- centre's rows, so the server takes the incident in from its own row (number, category, summary,
-- place; never the caller's contact), for a login that may manage incidents, in the transaction
-- that sends it. An incident already taken in gives its lead again.
CREATE OR REPLACE FUNCTION ci_take_in_incident(incident BIGINT, note TEXT, given_received BIGINT, given_due BIGINT)
    RETURNS TABLE (lead_id BIGINT, lead_reference TEXT, lead_summary TEXT, lead_record TEXT, created BOOLEAN)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    i RECORD;
    record TEXT;
    made BIGINT;
BEGIN
    IF NOT hexhub_holds('hub.incident.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not send incidents to intelligence', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id, number, category, priority, summary, address INTO i FROM hub_incidents WHERE id = incident;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no incident %', incident USING ERRCODE = 'no_data_found';
    END IF;
    IF abs(given_received - (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT) > 400 * 86400000::BIGINT
       OR given_due < given_received OR given_due > given_received + 366 * 86400000::BIGINT
       OR length(COALESCE(note, '')) > 2000 THEN
        RAISE EXCEPTION 'what was given for incident % is not plausible', incident USING ERRCODE = 'check_violation';
    END IF;
    record := 'incident ' || i.number;
    RETURN QUERY SELECT l.id, l.reference, l.summary, l.source_record, FALSE FROM ci_leads l
        WHERE l.source_kind = 'incident' AND l.source_record = record;
    IF FOUND THEN
        RETURN;
    END IF;
    INSERT INTO ci_leads (reference, source_kind, source_centre, source_record, summary, details, evidence, legal_basis,
                          retain_until, received_at, due_at, updated_at)
        VALUES ('pending-' || record, 'incident', 'hub', record,
                left(CASE WHEN COALESCE(i.address, '') = '' THEN i.summary ELSE i.summary || ' (' || i.address || ')' END, 300),
                COALESCE(note, ''),
                jsonb_build_object('incident', i.id, 'number', i.number, 'category', i.category, 'priority', i.priority)::TEXT,
                'Investigation of the reported incident',
                given_received + 5 * 365 * 86400000::BIGINT, given_received, given_due, given_received)
        RETURNING id INTO made;
    UPDATE ci_leads SET reference = 'L-' || extract(year FROM to_timestamp(given_received / 1000.0) AT TIME ZONE 'UTC')::INT || '-' || lpad(made::TEXT, 5, '0')
        WHERE id = made;
    RETURN QUERY SELECT l.id, l.reference, l.summary, l.source_record, TRUE FROM ci_leads l WHERE l.id = made;
END
$$;
REVOKE ALL ON FUNCTION ci_take_in_incident(BIGINT, TEXT, BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_take_in_incident(BIGINT, TEXT, BIGINT, BIGINT) TO hexhub_app;

-- Cross-referencing (issue 21 section 2): an entity's match key (a phone's digits, a plate, a
-- name's fingerprint) is personal data like its label, so no desk login reads the column. The server
-- compares: the unmerged entities of a kind whose key is the one given (an analyst who types a
-- number whole finds it, as a search by that number would), and the ones an existing entity likely
-- repeats; for a holder of criminal_intel.lead.view only.
CREATE OR REPLACE FUNCTION ci_entities_matching(wanted_kind TEXT, wanted_key TEXT)
    RETURNS TABLE (id BIGINT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('criminal_intel.lead.view') THEN
        RAISE EXCEPTION 'permission denied: % may not cross-reference entities', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF COALESCE(wanted_key, '') = '' THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT e.id FROM ci_entities e
        WHERE e.kind = wanted_kind AND e.match_key = wanted_key AND e.merged_into IS NULL ORDER BY e.id LIMIT 200;
END
$$;
REVOKE ALL ON FUNCTION ci_entities_matching(TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_entities_matching(TEXT, TEXT) TO hexhub_app;

CREATE OR REPLACE FUNCTION ci_entity_matches(entity BIGINT)
    RETURNS TABLE (id BIGINT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('criminal_intel.lead.view') THEN
        RAISE EXCEPTION 'permission denied: % may not cross-reference entities', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT o.id FROM ci_entities s JOIN ci_entities o
        ON o.kind = s.kind AND o.match_key = s.match_key AND o.id <> s.id AND o.merged_into IS NULL
        WHERE s.id = entity AND s.match_key <> '' ORDER BY o.id LIMIT 200;
END
$$;
REVOKE ALL ON FUNCTION ci_entity_matches(BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_entity_matches(BIGINT) TO hexhub_app;


-- Entities, links and charts: only a holder of criminal_intel.entity.edit writes them, whatever the
-- grants of the login's role say, and who made or last saved one is the server's to write.
CREATE OR REPLACE FUNCTION ci_chart_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF NOT hexhub_holds('criminal_intel.entity.edit') THEN
        RAISE EXCEPTION 'permission denied: % may not change the link chart''s records', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'ci_charts' THEN
        NEW.updated_by := session_user::TEXT;
        IF TG_OP = 'INSERT' THEN
            NEW.created_by := session_user::TEXT;
        ELSE
            NEW.created_by := OLD.created_by;
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user::TEXT;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS ci_chart_guard ON ci_entities;
CREATE TRIGGER ci_chart_guard BEFORE INSERT OR UPDATE OR DELETE ON ci_entities FOR EACH ROW EXECUTE FUNCTION ci_chart_guard();
DROP TRIGGER IF EXISTS ci_chart_guard ON ci_links;
CREATE TRIGGER ci_chart_guard BEFORE INSERT OR UPDATE OR DELETE ON ci_links FOR EACH ROW EXECUTE FUNCTION ci_chart_guard();
DROP TRIGGER IF EXISTS ci_chart_guard ON ci_charts;
CREATE TRIGGER ci_chart_guard BEFORE INSERT OR UPDATE ON ci_charts FOR EACH ROW EXECUTE FUNCTION ci_chart_guard();

-- Joint investigations (issue 21 section 3). Who opened, added, divided, targeted, reported and
-- wrote on the timeline: the login that did it, stamped by the server. The timeline is appended,
-- never changed; what the hub reports (task, operation, reviewed) only the server writes, from its
-- own hub rows (ci_follow_hub below), and a line's task state likewise (desks may not update lines).
SELECT hexhub_stamp_who_on('ci_investigation_members', 'added_by');
SELECT hexhub_stamp_who_on('ci_task_division', 'created_by');
SELECT hexhub_stamp_who_on('ci_investigation_targets', 'created_by');
SELECT hexhub_stamp_who_on('ci_investigation_reports', 'author');
SELECT hexhub_stamp_who_on('ci_investigation_journal', 'actor');
CREATE OR REPLACE FUNCTION ci_investigation_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    -- The owner, and the server's own functions (SECURITY DEFINER: they run as the owner, which no
    -- desk's login may SET ROLE to).
    IF hexhub_is_owner()
       OR pg_has_role(current_user, (SELECT datdba FROM pg_catalog.pg_database WHERE datname = current_database()), 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'ci_investigation_journal' THEN
        IF NEW.kind IN ('task', 'operation', 'reviewed') THEN
            RAISE EXCEPTION 'permission denied: only the server writes what the hub reports' USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF TG_TABLE_NAME = 'ci_task_division' THEN
        -- A line is the hub task the same transaction issued in this centre's name.
        IF NEW.task_id IS NULL OR NOT EXISTS (SELECT FROM hub_tasks t WHERE t.id = NEW.task_id AND t.origin = 'criminal_intel'
                                                  AND t.assignee = NEW.unit AND t.assignee_kind = NEW.assignee_kind)
           OR EXISTS (SELECT FROM ci_task_division d WHERE d.task_id = NEW.task_id) THEN
            RAISE EXCEPTION 'a line of the task division is the hub task issued with it' USING ERRCODE = 'check_violation';
        END IF;
        NEW.task_status := 'issued';
        NEW.progress := 0;
        NEW.progress_note := '';
        NEW.status := 'open';
    ELSIF TG_TABLE_NAME = 'ci_investigations' THEN
        -- The hub operation is the server's to record, from the hub's approval.
        IF TG_OP = 'INSERT' THEN
            NEW.operation_id := NULL;
            NEW.opened_by := session_user::TEXT;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS ci_investigation_journal_guard ON ci_investigation_journal;
CREATE TRIGGER ci_investigation_journal_guard BEFORE INSERT ON ci_investigation_journal
    FOR EACH ROW EXECUTE FUNCTION ci_investigation_guard();
DROP TRIGGER IF EXISTS ci_task_division_guard ON ci_task_division;
CREATE TRIGGER ci_task_division_guard BEFORE INSERT ON ci_task_division
    FOR EACH ROW EXECUTE FUNCTION ci_investigation_guard();
DROP TRIGGER IF EXISTS ci_investigations_guard ON ci_investigations;
CREATE TRIGGER ci_investigations_guard BEFORE INSERT ON ci_investigations
    FOR EACH ROW EXECUTE FUNCTION ci_investigation_guard();

-- What the hub reports on this centre's tasks, its operation and its proposal, for the desk whose
-- transaction made the report (a station's desk answering a task, the hub supervisor approving):
-- their logins may not write this centre's rows, so the server copies what its own hub rows say,
-- for hub rows whose origin is this centre, never what the desk sent. The same state twice is one
-- entry. Returns the investigations it wrote on.
CREATE OR REPLACE FUNCTION ci_follow_hub(what TEXT, ref BIGINT, given_at BIGINT)
    RETURNS TABLE (investigation BIGINT)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    t RECORD;
    o RECORD;
    p RECORD;
    inv BIGINT;
    data JSONB;
BEGIN
    IF abs(given_at - (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT) > 400 * 86400000::BIGINT THEN
        RAISE EXCEPTION 'the time given for % % is not plausible', what, ref USING ERRCODE = 'check_violation';
    END IF;
    IF what = 'task' THEN
        SELECT * INTO t FROM hub_tasks WHERE id = ref AND origin = 'criminal_intel';
        IF NOT FOUND THEN
            RETURN;
        END IF;
        data := jsonb_build_object('task', t.id, 'operation', COALESCE(t.operation_id, 0), 'assigneeKind', t.assignee_kind,
                                   'assignee', t.assignee, 'title', t.title, 'status', t.status, 'progress', t.progress,
                                   'note', CASE WHEN t.status IN ('declined', 'cancelled') THEN t.decline_reason ELSE t.progress_note END);
        UPDATE ci_task_division SET task_status = t.status, progress = t.progress, progress_note = data->>'note',
                                    status = CASE WHEN t.status = 'done' THEN 'done' ELSE 'open' END
            WHERE task_id = t.id;
        FOR inv IN SELECT d.investigation_id FROM ci_task_division d WHERE d.task_id = t.id
                   UNION SELECT i.id FROM ci_investigations i WHERE t.operation_id IS NOT NULL AND i.operation_id = t.operation_id LOOP
            IF (SELECT j.data::JSONB FROM ci_investigation_journal j WHERE j.investigation_id = inv AND j.kind = 'task'
                    AND (j.data::JSONB->>'task')::BIGINT = t.id ORDER BY j.id DESC LIMIT 1) IS DISTINCT FROM data THEN
                INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data)
                    VALUES (inv, given_at, session_user::TEXT, 'task', data::TEXT);
                UPDATE ci_investigations SET updated_at = given_at WHERE id = inv;
                investigation := inv;
                RETURN NEXT;
            END IF;
        END LOOP;
    ELSIF what = 'operation' THEN
        SELECT * INTO o FROM hub_operations WHERE id = ref AND origin = 'criminal_intel';
        IF NOT FOUND THEN
            RETURN;
        END IF;
        inv := substring(o.origin_ref FROM '^investigation:([0-9]+)$')::BIGINT;
        IF inv IS NULL OR NOT EXISTS (SELECT FROM ci_investigations i WHERE i.id = inv) THEN
            RETURN;
        END IF;
        data := jsonb_build_object('operation', o.id, 'name', o.name, 'status', o.status);
        IF NOT EXISTS (SELECT FROM ci_investigation_journal j WHERE j.investigation_id = inv AND j.kind = 'operation'
                           AND j.data::JSONB = data) THEN
            INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data)
                VALUES (inv, given_at, session_user::TEXT, 'operation', data::TEXT);
            UPDATE ci_investigations SET updated_at = given_at WHERE id = inv;
            investigation := inv;
            RETURN NEXT;
        END IF;
    ELSIF what = 'reviewed' THEN
        SELECT * INTO p FROM hub_operation_proposals WHERE id = ref AND origin = 'criminal_intel' AND status IN ('approved', 'rejected');
        IF NOT FOUND THEN
            RETURN;
        END IF;
        inv := substring(p.origin_ref FROM '^investigation:([0-9]+)$')::BIGINT;
        IF inv IS NULL OR NOT EXISTS (SELECT FROM ci_investigations i WHERE i.id = inv AND i.proposal_id = p.id) THEN
            RETURN;
        END IF;
        IF p.status = 'approved' THEN
            UPDATE ci_investigations SET operation_id = p.operation_id, version = version + 1 WHERE id = inv;
        END IF;
        IF NOT EXISTS (SELECT FROM ci_investigation_journal j WHERE j.investigation_id = inv AND j.kind = 'reviewed'
                           AND (j.data::JSONB->>'proposal')::BIGINT = p.id) THEN
            INSERT INTO ci_investigation_journal (investigation_id, at, actor, kind, data)
                VALUES (inv, given_at, session_user::TEXT, 'reviewed',
                        jsonb_build_object('proposal', p.id, 'status', p.status, 'note', p.review_note,
                                           'operation', COALESCE(p.operation_id, 0), 'by', p.reviewed_by)::TEXT);
            UPDATE ci_investigations SET updated_at = given_at WHERE id = inv;
            investigation := inv;
            RETURN NEXT;
        END IF;
    END IF;
END
$$;
REVOKE ALL ON FUNCTION ci_follow_hub(TEXT, BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_follow_hub(TEXT, BIGINT, BIGINT) TO hexhub_app;

-- Whether a role may see personal data (an intelligence package's recipient): for a desk that makes
-- packages; desks may not read the role grants.
CREATE OR REPLACE FUNCTION ci_role_may_reveal(wanted TEXT) RETURNS BOOLEAN
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('criminal_intel.investigation.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not make intelligence packages', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN EXISTS (SELECT FROM role_permissions WHERE role = wanted
                   AND permission IN ('criminal_intel.investigation.manage', 'core.personal_data.reveal'));
END
$$;
REVOKE ALL ON FUNCTION ci_role_may_reveal(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_role_may_reveal(TEXT) TO hexhub_app;

-- The intake of a lead another centre refers (lead.referred): the giving desk's login may not write
-- this centre's rows, so the server takes it in, only in the name of a centre the login is of (the
-- content is what that centre says, as a tip's is), only whole, and once per record.
CREATE OR REPLACE FUNCTION ci_take_in_referral(given_centre TEXT, given_record TEXT, given_summary TEXT, given_details TEXT, given_evidence TEXT, given_basis TEXT,
                                               given_received BIGINT, given_due BIGINT)
    RETURNS TABLE (lead_id BIGINT, lead_reference TEXT, lead_summary TEXT, created BOOLEAN)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    made BIGINT;
BEGIN
    IF given_centre NOT IN ('political_security', 'basic_control', 'bigdata_investigation', 'case_management', 'supervision')
       OR NOT pg_has_role(session_user, 'hexhub_centre_' || given_centre, 'MEMBER') THEN
        RAISE EXCEPTION 'permission denied: % may not refer leads in the name of %', session_user, given_centre
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF length(COALESCE(given_record, '')) NOT BETWEEN 1 AND 120 OR length(COALESCE(given_summary, '')) NOT BETWEEN 5 AND 300
       OR length(COALESCE(given_basis, '')) < 5 OR length(COALESCE(given_details, '')) > 4000 OR length(COALESCE(given_evidence, '')) > 100000
       OR abs(given_received - (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT) > 400 * 86400000::BIGINT
       OR given_due < given_received OR given_due > given_received + 366 * 86400000::BIGINT THEN
        RAISE EXCEPTION 'the referral of % % is not whole or not plausible', given_centre, given_record USING ERRCODE = 'check_violation';
    END IF;
    PERFORM given_evidence::JSONB; -- a referral's evidence is JSON, or nothing is taken in
    -- The record as the lead names it: the centre and its record ("case_management case 2026-0042").
    RETURN QUERY SELECT l.id, l.reference, l.summary, FALSE FROM ci_leads l
        WHERE l.source_kind = 'centre' AND l.source_record = given_centre || ' ' || given_record;
    IF FOUND THEN
        RETURN;
    END IF;
    INSERT INTO ci_leads (reference, source_kind, source_centre, source_record, summary, details, evidence, legal_basis,
                          retain_until, received_at, due_at, updated_at)
        VALUES ('pending-' || given_centre || '-' || given_record, 'centre', given_centre, given_centre || ' ' || given_record, given_summary, COALESCE(given_details, ''), COALESCE(given_evidence, '{}'),
                given_basis, given_received + 5 * 365 * 86400000::BIGINT, given_received, given_due, given_received)
        RETURNING id INTO made;
    UPDATE ci_leads SET reference = 'L-' || extract(year FROM to_timestamp(given_received / 1000.0) AT TIME ZONE 'UTC')::INT || '-' || lpad(made::TEXT, 5, '0')
        WHERE id = made;
    RETURN QUERY SELECT l.id, l.reference, l.summary, TRUE FROM ci_leads l WHERE l.id = made;
END
$$;
REVOKE ALL ON FUNCTION ci_take_in_referral(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ci_take_in_referral(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT, BIGINT) TO hexhub_app;
