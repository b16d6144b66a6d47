-- The reporter's contact as it reads to whoever may not see it, kept beside it: desks of a shared
-- server read this column, and the contact itself only through hexhub_reveal() with a reason.
ALTER TABLE hub_incidents ADD COLUMN reporter_contact_masked TEXT
    GENERATED ALWAYS AS (hexhub_mask(reporter_contact)) STORED;
