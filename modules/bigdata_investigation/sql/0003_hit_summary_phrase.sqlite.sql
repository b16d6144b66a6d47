-- A hit's one-line summary kept as its sentence and arguments too (JSON {"source", "args", "n"}), so
-- the review queue reads it in the language of whoever looks, not only in the language of the run.
-- Hits stored before have none and read as they were written.
ALTER TABLE bd_hits ADD COLUMN summary_phrase TEXT NOT NULL DEFAULT '';
