-- A category's version, raised by each change: an edit made from an older copy (a desk that kept it
-- while the server was away, another administrator's editor) is a conflict, not a silent overwrite.
ALTER TABLE hub_categories ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
