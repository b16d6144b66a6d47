-- The labelling loop of entity-resolution models (issue 20 section 2): the analyst's answer on a
-- candidate pair, "same", "different" or "unsure", from which the model's field weights are learnt
-- again. An answer, not a decision: it hands nothing on (the review does).
ALTER TABLE bd_hits ADD COLUMN label TEXT CHECK (label IN ('same', 'different', 'unsure'));
