-- On SQLite the desk's user owns the store: the stream address is read from hub_cameras directly
-- (see 0008_camera_stream.postgresql.sql for the shared server).
SELECT 1;
