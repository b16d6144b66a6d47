-- A hit's one-line summary kept as its sentence and arguments too (JSON {"source", "args", "n"}), so
-- the review queue reads it in the language of whoever looks, not only in the language of the run.
-- Hits stored before have none and read as they were written.
ALTER TABLE bd_hits ADD COLUMN summary_phrase TEXT NOT NULL DEFAULT '';

-- The centre's time limits (core migration 9), with their defaults (domain/bigdatadeadlines_p.h says why).
INSERT INTO time_limits (module, rule, title, minutes, default_minutes) VALUES
    ('bigdata_investigation', 'hits.review', 'Hits of a model run reviewed', 4320, 4320),
    ('bigdata_investigation', 'hit.more_data', 'A hit needing more data looked at again', 10080, 10080),
    ('bigdata_investigation', 'dataset.retention', 'An imported dataset kept (the import form''s default)', 525600, 525600);
