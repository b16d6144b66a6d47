-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('bc_stations', 'basic_control');
SELECT hexhub_scope_to_centre('bc_beats', 'basic_control');
SELECT hexhub_scope_to_centre('bc_roster_shifts', 'basic_control');
SELECT hexhub_scope_to_centre('bc_inspections', 'basic_control');
