-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all
-- but a dataset's rows.
SELECT hexhub_scope_to_centre('bd_datasets', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_dataset_rows', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_dataset_rejects', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_model_versions', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_runs', 'bigdata_investigation');
SELECT hexhub_scope_to_centre('bd_hits', 'bigdata_investigation');

-- Who imported a dataset, saved a model, started a run, reviewed a hit: the login that did it,
-- stamped by the server (core's hexhub_stamp_who), not what a desk says.
SELECT hexhub_stamp_who_on('bd_datasets', 'imported_by');
SELECT hexhub_stamp_who_on('bd_model_versions', 'saved_by');
SELECT hexhub_stamp_who_on('bd_runs', 'started_by');
SELECT hexhub_stamp_who_on('bd_hits', 'reviewed_by');

-- A dataset changes only while it is being imported (its rows and rejects go only into such a one),
-- and is removed only then (a cancelled or failed import) or once its retention date has passed
-- (the purge). Its provenance, legal basis and retention never change once written (the grants
-- allow updating the counts and the state alone).
DROP POLICY IF EXISTS bd_datasets_change ON bd_datasets;
CREATE POLICY bd_datasets_change ON bd_datasets AS RESTRICTIVE FOR UPDATE USING (state = 'importing') WITH CHECK (TRUE);
DROP POLICY IF EXISTS bd_datasets_remove ON bd_datasets;
CREATE POLICY bd_datasets_remove ON bd_datasets AS RESTRICTIVE FOR DELETE
    USING (state = 'importing' OR retain_until <= (extract(epoch FROM now()) * 1000)::BIGINT);
DROP POLICY IF EXISTS bd_dataset_rows_into_import ON bd_dataset_rows;
CREATE POLICY bd_dataset_rows_into_import ON bd_dataset_rows AS RESTRICTIVE FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM bd_datasets d WHERE d.id = dataset_id AND d.state = 'importing'));
DROP POLICY IF EXISTS bd_dataset_rows_remove ON bd_dataset_rows;
CREATE POLICY bd_dataset_rows_remove ON bd_dataset_rows AS RESTRICTIVE FOR DELETE
    USING (EXISTS (SELECT FROM bd_datasets d WHERE d.id = dataset_id
                   AND (d.state = 'importing' OR d.retain_until <= (extract(epoch FROM now()) * 1000)::BIGINT)));
DROP POLICY IF EXISTS bd_dataset_rejects_into_import ON bd_dataset_rejects;
CREATE POLICY bd_dataset_rejects_into_import ON bd_dataset_rejects AS RESTRICTIVE FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM bd_datasets d WHERE d.id = dataset_id AND d.state = 'importing'));

-- A row's masked cells and pseudonyms are the server's: computed from the dataset's mapping whatever a
-- desk sends, so a desk that may not reveal reads a personal cell only as hexhub_mask() shows it, and
-- its models compare keyed pseudonyms (HMAC-SHA256 of the cell's normal form under a key no desk can
-- read: equal values give equal pseudonyms, and a guessed phone number cannot be hashed to find
-- its row). The cells themselves are read only through hexhub_reveal() with a reason (audited).
CREATE EXTENSION IF NOT EXISTS pgcrypto;
REVOKE ALL ON bd_pseudonym_key FROM PUBLIC, hexhub_app;
INSERT INTO bd_pseudonym_key (id, key) VALUES (1, gen_random_bytes(32)) ON CONFLICT (id) DO NOTHING;

-- The normal form a model compares (the desks' normalisedValue(), for the usual characters).
CREATE OR REPLACE FUNCTION bd_normal_form(kind TEXT, value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS
$$
    SELECT CASE
        WHEN kind = 'phone' THEN (SELECT CASE WHEN length(d) = 15 AND left(d, 4) = '0086' THEN substr(d, 5)
                                              WHEN length(d) = 13 AND left(d, 2) = '86' THEN substr(d, 3) ELSE d END
                                  FROM (SELECT regexp_replace(value, '[^0-9]', '', 'g') AS d) digits)
        WHEN kind IN ('id_number', 'plate') THEN upper(regexp_replace(value, '[^[:alnum:]]', '', 'g'))
        WHEN kind IN ('integer', 'decimal') THEN btrim(value)
        ELSE lower(regexp_replace(btrim(value), '\s+', ' ', 'g'))
    END
$$;

CREATE OR REPLACE FUNCTION bd_mask_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    mapping JSONB;
    cells JSONB := NEW.cells::JSONB;
    masked JSONB := '[]'::JSONB;
    keyed JSONB := '[]'::JSONB;
    secret BYTEA;
    cell TEXT;
    normal TEXT;
    i INTEGER;
BEGIN
    IF jsonb_typeof(cells) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'a dataset row''s cells are a JSON array' USING ERRCODE = 'check_violation';
    END IF;
    SELECT d.columns::JSONB INTO mapping FROM bd_datasets d WHERE d.id = NEW.dataset_id;
    SELECT k.key INTO secret FROM bd_pseudonym_key k WHERE k.id = 1;
    FOR i IN 0 .. jsonb_array_length(cells) - 1 LOOP
        cell := cells ->> i;
        IF COALESCE((mapping -> i ->> 'personal')::BOOLEAN, TRUE) THEN
            masked := masked || to_jsonb(hexhub_mask(cell));
            normal := bd_normal_form(COALESCE(mapping -> i ->> 'type', 'text'), COALESCE(cell, ''));
            keyed := keyed || to_jsonb(CASE WHEN normal = '' THEN ''
                                            ELSE '#' || left(encode(hmac(convert_to(normal, 'UTF8'), secret, 'sha256'), 'hex'), 24) END);
        ELSE
            masked := masked || jsonb_build_array(cells -> i);
            keyed := keyed || jsonb_build_array(cells -> i);
        END IF;
    END LOOP;
    NEW.cells_masked := masked::TEXT;
    NEW.cells_keyed := keyed::TEXT;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION bd_mask_row() FROM PUBLIC;
DROP TRIGGER IF EXISTS bd_dataset_rows_mask ON bd_dataset_rows;
CREATE TRIGGER bd_dataset_rows_mask BEFORE INSERT ON bd_dataset_rows FOR EACH ROW EXECUTE FUNCTION bd_mask_row();
SELECT hexhub_register_personal_column('bd_dataset_rows', 'cells', 'bigdata_investigation.dataset.reveal', 'bigdata_investigation');

-- A hit's evidence, score and rows are written once, by the run; a review changes only its status,
-- reason and who reviewed it (the grants). A saved model version is never changed or removed.
REVOKE UPDATE, DELETE, TRUNCATE ON bd_model_versions FROM hexhub_app;
