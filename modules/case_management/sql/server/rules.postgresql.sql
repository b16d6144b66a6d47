-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('cm_cases', 'case_management');
SELECT hexhub_scope_to_centre('cm_custody', 'case_management');
SELECT hexhub_scope_to_centre('cm_property', 'case_management');
