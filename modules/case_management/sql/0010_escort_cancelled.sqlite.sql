-- An escort cancelled says who cancelled it and when, as every other step of it does.
ALTER TABLE cm_escorts ADD COLUMN cancelled_at INTEGER;
ALTER TABLE cm_escorts ADD COLUMN cancelled_by TEXT NOT NULL DEFAULT '';
