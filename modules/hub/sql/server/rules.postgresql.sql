-- Hub server rules, applied by `hexhub --init-server` after the core's roles (idempotent).
-- Incidents, units and dispatches are the shared picture every centre works from. The tasks the hub
-- hands out are scoped to who must act: a centre's desks see and change their own centre's tasks;
-- tasks to units are basic control's (the units' stations); the hub sees all.
ALTER TABLE hub_tasks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS hub_tasks_by_centre ON hub_tasks;
CREATE POLICY hub_tasks_by_centre ON hub_tasks
    USING (hexhub_sees_centre(CASE assignee_kind WHEN 'centre' THEN assignee ELSE 'basic_control' END));

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
