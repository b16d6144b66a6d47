-- On SQLite the snapshot reads cm_cases directly (see 0003_case_snapshot.postgresql.sql for the shared server).
SELECT 1;
