-- On SQLite the desk's user owns the store: the snapshot reads hub_incidents directly, the reporter's
-- contact masked by the hub's code (see 0012_incident_snapshot.postgresql.sql for the shared server).
SELECT 1;
