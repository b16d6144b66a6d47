-- How personal data reads to whoever may not see it, as the stores keep it beside the value (a
-- generated column per personal-data column, which the modules add): an e-mail address keeps its
-- first letter and its domain; anything else shows at most its last four characters, and nothing of
-- a value of four or fewer. The desks' maskContact() masks the same way.
CREATE FUNCTION hexhub_mask(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT AS
$$
    SELECT CASE
        WHEN value = '' THEN ''
        WHEN position('@' IN value) > 1 THEN left(value, 1) || '***' || substr(value, position('@' IN value))
        WHEN length(value) <= 4 THEN repeat('*', length(value))
        ELSE repeat('*', length(value) - 4) || right(value, 4)
    END
$$;
