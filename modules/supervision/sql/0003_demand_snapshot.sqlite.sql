-- On SQLite the snapshot reads sv_demands directly, the contact masked by its generated column (see
-- 0003_demand_snapshot.postgresql.sql for the shared server).
SELECT 1;
