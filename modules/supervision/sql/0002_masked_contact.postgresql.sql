-- The member of the public's contact as it reads to whoever may not see it: desks of a shared
-- server read this column, and the contact itself only through hexhub_reveal().
ALTER TABLE sv_demands ADD COLUMN contact_masked TEXT GENERATED ALWAYS AS (hexhub_mask(contact)) STORED;
