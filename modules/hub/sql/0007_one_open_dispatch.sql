-- A unit is sent to one incident at a time: at most one dispatch of a unit is open (not cleared).
-- The services check the unit's status and version too; this holds even against a desk that
-- writes around them, and against two desks dispatching the same unit at the same moment.
CREATE UNIQUE INDEX hub_dispatches_one_open ON hub_dispatches (unit_id) WHERE cleared_at IS NULL;
