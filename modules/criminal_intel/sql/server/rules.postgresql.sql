-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('ci_leads', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_entities', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_links', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_investigations', 'criminal_intel');
SELECT hexhub_scope_to_centre('ci_task_division', 'criminal_intel');

-- An entity's label (a person, a phone, an account, an address, a plate) is personal data: desks
-- read label_masked, and reveal the label through hexhub_reveal() with
-- criminal_intel.investigation.manage and a reason, on the audit chain.
SELECT hexhub_register_personal_column('ci_entities', 'label', 'criminal_intel.investigation.manage', 'criminal_intel');
