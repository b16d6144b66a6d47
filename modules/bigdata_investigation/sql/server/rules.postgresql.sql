-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('bd_datasets', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_models', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_alerts', 'bigdata_investigation');

-- Who imported a dataset: the login that did, stamped by the server (core's hexhub_stamp_who).
SELECT hexhub_stamp_who_on('bd_datasets', 'imported_by');
