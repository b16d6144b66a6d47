-- Hub, live video (issue 6), PostgreSQL variant: video clips join snapshots in an incident's record.
-- A row says what its bytes are (content_type), a clip how long it runs and how many frames it has;
-- the bytes column, no longer only PNG, is `content`. Snapshots stay up to 20 MiB, clips may be up
-- to 64 MiB.
--
-- Changed in place: the rows, their ids, the identity, the indexes, the append-only trigger and the
-- server's grants (modules/hub/sql/server) all stay. Adding a column with a constant default writes
-- no row, so the append-only trigger has nothing to refuse; the new checks are validated against
-- the rows there are.
ALTER TABLE hub_media RENAME COLUMN png TO content;
ALTER TABLE hub_media DROP CONSTRAINT hub_media_kind_check;
ALTER TABLE hub_media DROP CONSTRAINT hub_media_byte_size_check;
ALTER TABLE hub_media ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE hub_media
    ADD COLUMN content_type TEXT NOT NULL DEFAULT 'image/png'
        CHECK (content_type IN ('image/png', 'video/x-msvideo')),
    ADD COLUMN duration_ms BIGINT,
    ADD COLUMN frame_count BIGINT NOT NULL DEFAULT 1,
    ADD CONSTRAINT hub_media_kind_check CHECK (kind IN ('snapshot', 'clip')),
    ADD CONSTRAINT hub_media_byte_size_check CHECK (byte_size > 0 AND byte_size = octet_length(content)),
    ADD CONSTRAINT hub_media_kind_fits CHECK (
        (kind = 'snapshot' AND content_type = 'image/png' AND duration_ms IS NULL AND frame_count = 1
         AND byte_size <= 20971520)
        OR (kind = 'clip' AND content_type = 'video/x-msvideo' AND duration_ms IS NOT NULL AND duration_ms > 0
            AND frame_count > 0 AND byte_size <= 67108864));
-- The defaults only filled the rows there were: a new row says what it is.
ALTER TABLE hub_media ALTER COLUMN content_type DROP DEFAULT;
ALTER TABLE hub_media ALTER COLUMN frame_count DROP DEFAULT;
