-- The reporter's contact as it reads to whoever may not see it (hexhub_mask() of the PostgreSQL
-- variant, spelled out).
ALTER TABLE hub_incidents ADD COLUMN reporter_contact_masked TEXT
    GENERATED ALWAYS AS (CASE WHEN reporter_contact IS NULL THEN NULL WHEN reporter_contact = '' THEN '' WHEN instr(reporter_contact, '@') > 1 THEN substr(reporter_contact, 1, 1) || '***' || substr(reporter_contact, instr(reporter_contact, '@')) WHEN length(reporter_contact) <= 4 THEN replace(hex(zeroblob(length(reporter_contact))), '00', '*') ELSE replace(hex(zeroblob(length(reporter_contact) - 4)), '00', '*') || substr(reporter_contact, -4) END) VIRTUAL;
