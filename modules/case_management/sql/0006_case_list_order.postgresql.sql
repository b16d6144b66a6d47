-- The case desk's list, the soonest running limit first and those without one or closed after
-- (ui/casedesk.cpp): its order as an index, so the first page of a million cases is read in order
-- and the next pages continue from the last row's keys, rather than every case sorted each time.
CREATE INDEX cm_cases_list_due ON cm_cases ((CASE WHEN due_at IS NULL OR stage = 'closed' THEN 1 ELSE 0 END), (coalesce(due_at, 0)), id);
-- The closed cases in the same order, on their own: the filter to them does not walk past every open one.
CREATE INDEX cm_cases_list_closed ON cm_cases ((CASE WHEN due_at IS NULL OR stage = 'closed' THEN 1 ELSE 0 END), (coalesce(due_at, 0)), id)
    WHERE stage = 'closed';
