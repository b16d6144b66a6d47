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
