-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('ci_leads', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_entities', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_links', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_lead_entities', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_charts', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigations', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_task_division', 'criminal_intel');

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
