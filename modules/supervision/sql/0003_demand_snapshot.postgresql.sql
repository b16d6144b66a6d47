-- A period's public demands as a table for analysis (the big-data centre's snapshots, issue 20): run
-- with the owner's rights, for a login whose Hexhub user holds supervision.demand.snapshot only (the
-- server rules grant its execution), the contact masked.
CREATE FUNCTION sv_demand_snapshot(from_ms BIGINT, to_ms BIGINT)
    RETURNS TABLE (reference TEXT, channel TEXT, category TEXT, status TEXT, routed_to TEXT, received_at BIGINT,
                   sla_due_at BIGINT, answered_at BIGINT, contact_masked TEXT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_holds('supervision.demand.snapshot') THEN
        RAISE EXCEPTION 'permission denied: % may not take demands for analysis', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT d.reference, d.channel, d.category, d.status, d.routed_to, d.received_at::BIGINT, d.sla_due_at::BIGINT,
               d.answered_at::BIGINT, d.contact_masked
        FROM sv_demands d WHERE d.received_at >= from_ms AND d.received_at < to_ms ORDER BY d.received_at, d.id;
END
$$;
