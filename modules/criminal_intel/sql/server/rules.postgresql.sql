-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('ci_leads', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_entities', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_links', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigations', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_task_division', 'criminal_intel');
