-- The person in custody as they read to whoever may not see them, kept beside the reference: desks
-- of a shared server read this column, and the reference itself only through hexhub_reveal().
ALTER TABLE cm_custody ADD COLUMN person_ref_masked TEXT GENERATED ALWAYS AS (hexhub_mask(person_ref)) STORED;
