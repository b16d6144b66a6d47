-- A period's incidents as a table for analysis (the big-data centre's snapshots, issue 20): the
-- centres' logins may not read hub_incidents beyond what is routed to them, so this function, run
-- with the owner's rights, gives the rows to a login whose Hexhub user holds hub.incident.snapshot,
-- the reporter's contact masked, and nothing to others (execution granted by the server rules).
CREATE FUNCTION hub_incident_snapshot(from_ms BIGINT, to_ms BIGINT)
    RETURNS TABLE (number TEXT, category TEXT, priority INTEGER, status TEXT, source TEXT, created_at BIGINT,
                   first_arrival_s BIGINT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, address TEXT,
                   reporter_contact_masked TEXT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    -- Called on a prepared server only (its rules define hexhub_holds and grant this function).
    IF NOT hexhub_holds('hub.incident.snapshot') THEN
        RAISE EXCEPTION 'permission denied: % may not take incidents for analysis', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT i.number, i.category, i.priority::INTEGER, i.status, i.source, i.created_at::BIGINT,
               (SELECT (MIN(d.arrived_at) - i.created_at) / 1000 FROM hub_dispatches d
                 WHERE d.incident_id = i.id AND d.arrived_at IS NOT NULL)::BIGINT,
               i.latitude::DOUBLE PRECISION, i.longitude::DOUBLE PRECISION, i.address, i.reporter_contact_masked
        FROM hub_incidents i
        WHERE i.created_at >= from_ms AND i.created_at < to_ms
        ORDER BY i.created_at, i.id;
END
$$;
