-- An entity's label as it reads to whoever may not see it: masked for every kind but an
-- organisation (a person's name, a phone number, an account, an address, a plate). Desks of a shared
-- server read this column, and the label itself only through hexhub_reveal().
ALTER TABLE ci_entities ADD COLUMN label_masked TEXT
    GENERATED ALWAYS AS (CASE WHEN kind = 'organisation' THEN label ELSE hexhub_mask(label) END) STORED;
