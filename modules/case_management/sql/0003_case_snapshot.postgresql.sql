-- A period's case events as a table for analysis (the big-data centre's snapshots, issue 20): cases
-- opened in it, with their kind, track, status and incident; no person. Run with the owner's rights
-- for a login whose Hexhub user holds case_management.case.snapshot only.
CREATE FUNCTION cm_case_snapshot(from_ms BIGINT, to_ms BIGINT)
    RETURNS TABLE (number TEXT, kind TEXT, fast_track INTEGER, status TEXT, incident_id BIGINT, opened_at BIGINT, due_at BIGINT,
                   people_held BIGINT, property_items BIGINT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('case_management.case.snapshot') THEN
        RAISE EXCEPTION 'permission denied: % may not take case events for analysis', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT c.number, c.kind, c.fast_track::INTEGER, c.status, c.incident_id::BIGINT, c.opened_at::BIGINT, c.due_at::BIGINT,
               (SELECT COUNT(*) FROM cm_custody k WHERE k.case_id = c.id), (SELECT COUNT(*) FROM cm_property p WHERE p.case_id = c.id)
        FROM cm_cases c WHERE c.opened_at >= from_ms AND c.opened_at < to_ms ORDER BY c.opened_at, c.id;
END
$$;
