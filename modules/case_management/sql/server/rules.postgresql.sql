-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('cm_cases', 'case_management');
SELECT hexhub_scope_to_centre('cm_custody', 'case_management');
SELECT hexhub_scope_to_centre('cm_property', 'case_management');

-- The person in custody is personal data: desks read person_ref_masked, and reveal the reference
-- through hexhub_reveal() with case_management.custody.manage and a reason, on the audit chain.
SELECT hexhub_register_personal_column('cm_custody', 'person_ref', 'case_management.custody.manage', 'case_management');

-- A period's case events for analysis only to a holder of case_management.case.snapshot (the function checks).
REVOKE ALL ON FUNCTION cm_case_snapshot(BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cm_case_snapshot(BIGINT, BIGINT) TO hexhub_app;
