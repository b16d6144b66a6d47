-- Hub server rules, applied by `hexhub --init-server` after the core's roles (idempotent).
-- Incidents, units and dispatches are the shared picture every centre works from. The tasks the hub
-- hands out are scoped to who must act: a centre's desks see and change their own centre's tasks;
-- tasks to units are basic control's (the units' stations); the hub sees all.
-- A task a centre asked for (an investigation's task division: origin set) is that centre's to
-- follow (read) as well, and to hand out (insert); answering it (update) stays the assignee's.
ALTER TABLE hub_tasks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS hub_tasks_by_centre ON hub_tasks;
DROP POLICY IF EXISTS hub_tasks_read ON hub_tasks;
CREATE POLICY hub_tasks_read ON hub_tasks FOR SELECT
    USING (hexhub_sees_centre(CASE assignee_kind WHEN 'centre' THEN assignee ELSE 'basic_control' END)
           OR (origin IS NOT NULL AND hexhub_sees_centre(origin)));
DROP POLICY IF EXISTS hub_tasks_add ON hub_tasks;
CREATE POLICY hub_tasks_add ON hub_tasks FOR INSERT
    WITH CHECK (hexhub_sees_centre(CASE assignee_kind WHEN 'centre' THEN assignee ELSE 'basic_control' END)
                OR (origin IS NOT NULL AND hexhub_sees_centre(origin)));
DROP POLICY IF EXISTS hub_tasks_answer ON hub_tasks;
CREATE POLICY hub_tasks_answer ON hub_tasks FOR UPDATE
    USING (hexhub_sees_centre(CASE assignee_kind WHEN 'centre' THEN assignee ELSE 'basic_control' END));
DROP POLICY IF EXISTS hub_tasks_remove ON hub_tasks;
CREATE POLICY hub_tasks_remove ON hub_tasks FOR DELETE
    USING (hexhub_sees_centre(CASE assignee_kind WHEN 'centre' THEN assignee ELSE 'basic_control' END));

-- A centre's desk (not the hub) hands out a task only in its own centre's name (the policy above
-- checks the origin is its centre), as a plain task of its own work (never a line of an operation,
-- which only the hub plans), issued, holding hub.task.delegate.
CREATE OR REPLACE FUNCTION hub_tasks_delegate_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() OR hexhub_is_hub() OR pg_has_role(current_user, 'hexhub_trainer', 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF NOT hexhub_holds('hub.task.delegate') THEN
        RAISE EXCEPTION 'permission denied: % may not hand out tasks', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.origin IS NULL OR NOT hexhub_sees_centre(NEW.origin) OR NEW.operation_id IS NOT NULL OR NEW.status <> 'issued'
       OR NEW.progress <> 0 THEN
        RAISE EXCEPTION 'a task a centre hands out is issued in its own name, outside any operation'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS hub_tasks_delegate_guard ON hub_tasks;
CREATE TRIGGER hub_tasks_delegate_guard BEFORE INSERT ON hub_tasks FOR EACH ROW EXECUTE FUNCTION hub_tasks_delegate_guard();

-- Operations the centres propose: each centre sees its own, the hub all. A centre's desk proposes
-- in its own name only (awaiting review, nothing reviewed) and may withdraw its own proposal
-- awaiting review; approving and rejecting are the hub supervisor's (hub.operation.command), and
-- the server writes who proposed and who reviewed, and when it was reviewed.
ALTER TABLE hub_operation_proposals ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS hub_operation_proposals_by_centre ON hub_operation_proposals;
CREATE POLICY hub_operation_proposals_by_centre ON hub_operation_proposals USING (hexhub_sees_centre(origin));
CREATE OR REPLACE FUNCTION hub_operation_proposals_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NOT hexhub_holds('hub.operation.propose') THEN
            RAISE EXCEPTION 'permission denied: % may not propose operations', session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status <> 'proposed' OR NEW.operation_id IS NOT NULL OR NEW.reviewed_by IS NOT NULL OR NEW.reviewed_at IS NOT NULL THEN
            RAISE EXCEPTION 'a proposal starts awaiting review' USING ERRCODE = 'check_violation';
        END IF;
        NEW.proposed_by := session_user::TEXT;
        RETURN NEW;
    END IF;
    -- What was proposed stays as proposed; a review happens once.
    IF OLD.status <> 'proposed' OR NEW.name <> OLD.name OR NEW.objective <> OLD.objective OR NEW.division <> OLD.division
       OR NEW.origin <> OLD.origin OR NEW.origin_ref <> OLD.origin_ref OR NEW.proposed_by <> OLD.proposed_by
       OR NEW.proposed_at <> OLD.proposed_at OR NEW.go_at IS DISTINCT FROM OLD.go_at THEN
        RAISE EXCEPTION 'a proposal is reviewed once, as it was proposed' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status IN ('approved', 'rejected') THEN
        IF NOT hexhub_holds('hub.operation.command') THEN
            RAISE EXCEPTION 'permission denied: % may not review operations', session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.status = 'approved') <> (NEW.operation_id IS NOT NULL) THEN
            RAISE EXCEPTION 'an approved proposal names its operation, and only that' USING ERRCODE = 'check_violation';
        END IF;
    ELSIF NEW.status = 'withdrawn' THEN
        IF NOT hexhub_holds('hub.operation.propose') OR NOT hexhub_sees_centre(OLD.origin) OR NEW.operation_id IS NOT NULL THEN
            RAISE EXCEPTION 'permission denied: % may not withdraw this proposal', session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        RAISE EXCEPTION 'a proposal moves to approved, rejected or withdrawn' USING ERRCODE = 'check_violation';
    END IF;
    NEW.reviewed_by := session_user::TEXT;
    NEW.reviewed_at := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS hub_operation_proposals_guard ON hub_operation_proposals;
CREATE TRIGGER hub_operation_proposals_guard BEFORE INSERT OR UPDATE ON hub_operation_proposals
    FOR EACH ROW EXECUTE FUNCTION hub_operation_proposals_guard();

-- Cameras are a shared registry (who may watch which camera is the view permission each carries,
-- checked by the services). Attached media are evidence: desks add them and never change or remove
-- them, like the audit log.
REVOKE UPDATE, DELETE, TRUNCATE ON hub_media FROM hexhub_app;

-- Incidents: the hub sees every one (and trainers, who run exercises); a centre's desk sees those
-- routed to it, that is with a task it may see (row-level security on hub_tasks decides), and basic
-- control also those its units are dispatched to. Who may change them is the tables' grants.
-- (A policy's tables are checked against the reader's grants, and other centres may not read the
-- dispatches: this part looks with the owner's rights, for basic control's logins only.)
CREATE OR REPLACE FUNCTION hexhub_basic_control_dispatched(incident BIGINT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
    SELECT pg_has_role(session_user, 'hexhub_centre_basic_control', 'MEMBER')
       AND EXISTS (SELECT FROM hub_dispatches d WHERE d.incident_id = incident)
$$;
REVOKE ALL ON FUNCTION hexhub_basic_control_dispatched(BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_basic_control_dispatched(BIGINT) TO hexhub_app;
ALTER TABLE hub_incidents ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS hub_incidents_read ON hub_incidents;
CREATE POLICY hub_incidents_read ON hub_incidents FOR SELECT
    USING (hexhub_is_hub()
           OR pg_has_role(current_user, 'hexhub_trainer', 'MEMBER')
           OR EXISTS (SELECT FROM hub_tasks t WHERE t.incident_id = hub_incidents.id)
           OR hexhub_basic_control_dispatched(hub_incidents.id));
DROP POLICY IF EXISTS hub_incidents_write ON hub_incidents;
CREATE POLICY hub_incidents_write ON hub_incidents FOR INSERT WITH CHECK (TRUE);
DROP POLICY IF EXISTS hub_incidents_change ON hub_incidents;
CREATE POLICY hub_incidents_change ON hub_incidents FOR UPDATE USING (TRUE);

-- A camera's stream address often carries its credentials: only hub supervisors (who manage the
-- cameras) read the column (tables.json); everyone else gets it through hexhub_camera_stream()
-- (migration 0008), and only for a camera whose view permission they hold.
REVOKE ALL ON FUNCTION hexhub_camera_stream(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hexhub_camera_stream(TEXT) TO hexhub_app;

-- A period's incidents for analysis only to a holder of hub.incident.snapshot (the function checks).
REVOKE ALL ON FUNCTION hub_incident_snapshot(BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub_incident_snapshot(BIGINT, BIGINT) TO hexhub_app;

-- The reporter's contact is personal data: desks read reporter_contact_masked, and reveal the contact
-- through hexhub_reveal() with hub.incident.contact and a reason, on the audit chain.
SELECT hexhub_register_personal_column('hub_incidents', 'reporter_contact', 'hub.incident.contact', NULL);

-- Who dispatched, handed out, planned, linked, ticked or attached: the login that did it, stamped by
-- the server (core's hexhub_stamp_who), not what a desk says.
SELECT hexhub_stamp_who_on('hub_dispatches', 'dispatched_by');
SELECT hexhub_stamp_who_on('hub_tasks', 'created_by');
SELECT hexhub_stamp_who_on('hub_operations', 'created_by');
SELECT hexhub_stamp_who_on('hub_incident_links', 'created_by');
SELECT hexhub_stamp_who_on('hub_playbook_ticks', 'ticked_by');
SELECT hexhub_stamp_who_on('hub_media', 'created_by');
