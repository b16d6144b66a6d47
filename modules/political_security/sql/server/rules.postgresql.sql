-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('ps_sites', 'political_security');
SELECT hexhub_scope_to_centre('ps_plans', 'political_security');
SELECT hexhub_scope_to_centre('ps_posts', 'political_security');
