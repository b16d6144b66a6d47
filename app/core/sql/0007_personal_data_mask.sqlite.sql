-- On SQLite the modules' masked columns spell the mask out (see the PostgreSQL variant, which
-- defines hexhub_mask() for the shared server): nothing to add here.
SELECT 1;
