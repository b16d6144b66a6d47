-- An entity's label as it reads to whoever may not see it (see the PostgreSQL variant).
ALTER TABLE ci_entities ADD COLUMN label_masked TEXT
    GENERATED ALWAYS AS (CASE WHEN kind = 'organisation' THEN label ELSE CASE WHEN label IS NULL THEN NULL WHEN label = '' THEN '' WHEN instr(label, '@') > 1 THEN substr(label, 1, 1) || '***' || substr(label, instr(label, '@')) WHEN length(label) <= 4 THEN replace(hex(zeroblob(length(label))), '00', '*') ELSE replace(hex(zeroblob(length(label) - 4)), '00', '*') || substr(label, -4) END END) VIRTUAL;
