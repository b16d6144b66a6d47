-- Supervision server rules, applied by `hexhub --init-server` after the core's roles (idempotent).
-- The supervision centre and the hub see every public demand; a demand routed to another centre is
-- visible to that centre's desks too, with its history, and nothing else is.
ALTER TABLE sv_demands ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sv_demands_by_centre ON sv_demands;
CREATE POLICY sv_demands_by_centre ON sv_demands
    USING (hexhub_sees_centre('supervision') OR (routed_to IS NOT NULL AND hexhub_sees_centre(routed_to)));

-- History rows follow their demand: the subquery is itself filtered by the policy above.
ALTER TABLE sv_demand_history ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sv_demand_history_by_demand ON sv_demand_history;
CREATE POLICY sv_demand_history_by_demand ON sv_demand_history
    USING (EXISTS (SELECT FROM sv_demands d WHERE d.id = sv_demand_history.demand_id));

-- The member of the public's contact is personal data: desks read contact_masked, and reveal it
-- through hexhub_reveal() with supervision.demand.handle and a reason, on the audit chain.
SELECT hexhub_register_personal_column('sv_demands', 'contact', 'supervision.demand.handle', 'supervision');

-- A demand's history says who did what and when as the server saw it (core's hexhub_stamp_who), and
-- only grows: no desk changes or removes an entry (tables.json grants none).
SELECT hexhub_stamp_who_on('sv_demand_history', 'actor', 'at');

-- A period's demands for analysis only to a holder of supervision.demand.snapshot (the function checks).
REVOKE ALL ON FUNCTION sv_demand_snapshot(BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sv_demand_snapshot(BIGINT, BIGINT) TO hexhub_app;
