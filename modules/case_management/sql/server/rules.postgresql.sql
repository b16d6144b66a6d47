-- Server rules of this centre, applied by `hexhub --init-server` after the core's roles
-- (idempotent): its tables are its own; other centres' desks see none of their rows, the hub all.
SELECT hexhub_scope_to_centre('cm_cases', 'case_management');
SELECT hexhub_scope_to_centre('cm_custody', 'case_management');
SELECT hexhub_scope_to_centre('cm_property', 'case_management');

-- The person in custody is personal data: desks read person_ref_masked, and reveal the reference
-- through hexhub_reveal() with case_management.custody.manage and a reason, on the audit chain.
SELECT hexhub_register_personal_column('cm_custody', 'person_ref', 'case_management.custody.manage', 'case_management');

-- A period's case events for analysis only to a holder of case_management.case.snapshot (the function checks).
REVOKE ALL ON FUNCTION cm_case_snapshot(BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cm_case_snapshot(BIGINT, BIGINT) TO hexhub_app;

-- Cases on their path, their statutory limits and the approvals they need (issue 22 section 1).
SELECT hexhub_scope_to_centre('cm_case_limits', 'case_management');
SELECT hexhub_scope_to_centre('cm_approvals', 'case_management');
-- Who opened a case and started a limit is the login that did.
SELECT hexhub_stamp_who_on('cm_cases', 'opened_by');
SELECT hexhub_stamp_who_on('cm_case_limits', 'started_by');

-- An approval is given only by a login whose user holds case_management.case.approve, in its own
-- name, unused; it is used once, by another login than the approver's, and the use is stamped with
-- the transaction that made it (the case's guard below looks for it there). Nothing else of it changes.
CREATE OR REPLACE FUNCTION cm_approval_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NOT hexhub_holds('case_management.case.approve') THEN
            RAISE EXCEPTION 'permission denied: % may not approve steps of cases', session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.approved_by := session_user;
        NEW.used_at := NULL;
        NEW.used_by := '';
        NEW.used_txid := NULL;
        RETURN NEW;
    END IF;
    IF OLD.used_at IS NOT NULL THEN
        RAISE EXCEPTION 'that approval was used already' USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.case_id, NEW.what, NEW.note, NEW.approved_by, NEW.approved_at) IS DISTINCT FROM
       (OLD.case_id, OLD.what, OLD.note, OLD.approved_by, OLD.approved_at) OR NEW.used_at IS NULL THEN
        RAISE EXCEPTION 'an approval is only used, never changed' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.approved_by = session_user THEN
        RAISE EXCEPTION 'permission denied: % approved this and may not use the approval', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.used_by := session_user;
    NEW.used_txid := txid_current();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_approvals_guard ON cm_approvals;
CREATE TRIGGER cm_approvals_guard BEFORE INSERT OR UPDATE ON cm_approvals FOR EACH ROW EXECUTE FUNCTION cm_approval_guard();

-- Whether this transaction used an approval of `what` for case `case_id` given by someone else.
CREATE OR REPLACE FUNCTION cm_used_approval(case_id BIGINT, what TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT EXISTS (SELECT FROM cm_approvals a WHERE a.case_id = cm_used_approval.case_id AND a.what = cm_used_approval.what
                   AND a.used_txid = txid_current() AND a.used_by = session_user AND a.approved_by <> session_user)
$$;

-- A case starts at the first stage of its path; a closed case does not move; coercive measures,
-- the referral and closing a criminal case, and the decision and closing of an administrative one,
-- move only in the transaction that uses an approval someone else gave for it.
CREATE OR REPLACE FUNCTION cm_case_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    -- The 48-hour fast track is a criminal procedure, taken before the referral and kept once taken,
    -- with when and on what grounds; a case is opened off it and put on it by a step of its own.
    IF NEW.fast_track <> 0 AND NEW.kind <> 'criminal' THEN
        RAISE EXCEPTION 'the fast track is for criminal cases' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND (NEW.fast_track <> 0 OR NEW.fast_track_at IS NOT NULL OR NEW.fast_track_note <> '') THEN
        RAISE EXCEPTION 'a case is opened, then put on the fast track' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.fast_track = 0 AND NEW.fast_track <> 0
       AND (NEW.fast_track_at IS NULL OR NEW.fast_track_at < NEW.opened_at OR length(trim(NEW.fast_track_note)) < 5) THEN
        RAISE EXCEPTION 'a case goes on the fast track with when and on what grounds' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.stage NOT IN ('registered', 'accepted') OR (NEW.kind = 'criminal') <> (NEW.stage = 'registered') THEN
            RAISE EXCEPTION 'a case starts at the first stage of its path' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.fast_track <> 0 AND (NEW.fast_track = 0 OR NEW.fast_track_at IS DISTINCT FROM OLD.fast_track_at
                                OR NEW.fast_track_note IS DISTINCT FROM OLD.fast_track_note) THEN
        RAISE EXCEPTION 'case % stays on the fast track it took', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.fast_track = 0 AND (NEW.fast_track_at IS NOT NULL OR NEW.fast_track_note <> '') THEN
        RAISE EXCEPTION 'a case off the fast track has no fast-track time or grounds' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.fast_track = 0 AND NEW.fast_track <> 0 AND OLD.stage NOT IN ('registered', 'investigating', 'measures') THEN
        RAISE EXCEPTION 'case % takes the fast track before it is referred', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.kind IS DISTINCT FROM OLD.kind THEN
        RAISE EXCEPTION 'a case keeps its path' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.stage IS DISTINCT FROM OLD.stage THEN
        IF OLD.stage = 'closed' THEN
            RAISE EXCEPTION 'case % is closed', OLD.number USING ERRCODE = 'check_violation';
        END IF;
        IF ((NEW.kind = 'criminal' AND NEW.stage IN ('measures', 'referred', 'closed'))
            OR (NEW.kind = 'administrative' AND NEW.stage IN ('decided', 'closed')))
           AND NOT cm_used_approval(NEW.id, 'stage:' || NEW.stage) THEN
            RAISE EXCEPTION 'permission denied: moving case % to % needs an approval someone else gave', OLD.number, NEW.stage
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_cases_guard ON cm_cases;
CREATE TRIGGER cm_cases_guard BEFORE INSERT OR UPDATE ON cm_cases FOR EACH ROW EXECUTE FUNCTION cm_case_guard();

-- A statutory limit runs from when it started to when the law says: its due time moves only by an
-- extension this transaction's approval allows; a limit that ended stays ended.
CREATE OR REPLACE FUNCTION cm_case_limit_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'running' OR NEW.extended_minutes <> 0 OR NEW.due_at <> NEW.started_at + NEW.base_minutes * 60000 THEN
            RAISE EXCEPTION 'a limit starts running, for its rule''s length' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.case_id, NEW.rule, NEW.started_at, NEW.base_minutes) IS DISTINCT FROM (OLD.case_id, OLD.rule, OLD.started_at, OLD.base_minutes) THEN
        RAISE EXCEPTION 'a limit keeps its case, rule and start' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.state <> 'running' AND (NEW.state, NEW.due_at) IS DISTINCT FROM (OLD.state, OLD.due_at) THEN
        RAISE EXCEPTION 'that limit has ended' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state = 'running' AND OLD.state <> 'running' THEN
        RAISE EXCEPTION 'an ended limit does not run again' USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.due_at, NEW.extended_minutes) IS DISTINCT FROM (OLD.due_at, OLD.extended_minutes) THEN
        IF NEW.due_at <> NEW.started_at + (NEW.base_minutes + NEW.extended_minutes) * 60000 OR NEW.extended_minutes < OLD.extended_minutes
           OR NOT cm_used_approval(NEW.case_id, 'extend:' || NEW.id) THEN
            RAISE EXCEPTION 'permission denied: a limit is extended only with an approval someone else gave'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_case_limits_guard ON cm_case_limits;
CREATE TRIGGER cm_case_limits_guard BEFORE INSERT OR UPDATE ON cm_case_limits FOR EACH ROW EXECUTE FUNCTION cm_case_limit_guard();

-- The custody suite (issue 22 section 2). Its records of what was done (moves, welfare checks, care,
-- who must be kept apart) are written once: the desks' logins may add to them and change none
-- (tables.json grants no update or delete); who did each is the login that did.
SELECT hexhub_scope_to_centre('cm_rooms', 'case_management');
SELECT hexhub_scope_to_centre('cm_custody_moves', 'case_management');
SELECT hexhub_scope_to_centre('cm_welfare_checks', 'case_management');
SELECT hexhub_scope_to_centre('cm_keep_apart', 'case_management');
SELECT hexhub_scope_to_centre('cm_interviews', 'case_management');
SELECT hexhub_scope_to_centre('cm_custody_log', 'case_management');
SELECT hexhub_stamp_who_on('cm_custody', 'checked_in_by');
SELECT hexhub_stamp_who_on('cm_custody_moves', 'moved_by');
-- A welfare check's recorded_at is the server's own clock: beside the time the desk says it was
-- made, when it was written, so a check entered after the fact shows as such.
SELECT hexhub_stamp_who_on('cm_welfare_checks', 'done_by', 'recorded_at');
SELECT hexhub_stamp_who_on('cm_keep_apart', 'recorded_by');
SELECT hexhub_stamp_who_on('cm_interviews', 'started_by');
SELECT hexhub_stamp_who_on('cm_custody_log', 'recorded_by');

-- The risk level the assessment gives, and the minutes between checks at a level (time_limits' welfare.* rules).
CREATE OR REPLACE FUNCTION cm_risk_level(intoxicated INTEGER, injured INTEGER, medical INTEGER, self_harm INTEGER) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS
$$
    SELECT CASE WHEN self_harm <> 0 THEN 'highest' WHEN intoxicated <> 0 OR injured <> 0 OR medical <> 0 THEN 'elevated' ELSE 'standard' END
$$;
CREATE OR REPLACE FUNCTION cm_check_interval(level TEXT) RETURNS BIGINT
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$
    SELECT COALESCE((SELECT minutes FROM time_limits WHERE module = 'case_management' AND rule = 'welfare.' || level),
                    CASE level WHEN 'highest' THEN 15 WHEN 'elevated' THEN 30 ELSE 60 END)
$$;

-- The route through the suite goes one way (interview and holding are one step, and the medical
-- room is open from them); leaving is a release, not a move.
CREATE OR REPLACE FUNCTION cm_may_move(from_stage TEXT, to_stage TEXT) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS
$$
    SELECT CASE
        WHEN from_stage = 'exit' THEN FALSE
        WHEN to_stage = 'exit' THEN TRUE
        ELSE (array_position(ARRAY['intake', 'search', 'property', 'biometrics', 'medical', 'interview', 'interview'],
                             CASE to_stage WHEN 'holding' THEN 'interview' ELSE to_stage END)
              >= array_position(ARRAY['intake', 'search', 'property', 'biometrics', 'medical', 'interview', 'interview'],
                                CASE from_stage WHEN 'holding' THEN 'interview' ELSE from_stage END))
             OR (from_stage IN ('interview', 'holding') AND to_stage = 'medical')
    END
$$;

-- A person in custody: booked in at the intake desk; who, why, since when and the limit never
-- change; the risk level is the one the assessment gives and the next check is never further than
-- its interval from the last one; the route goes one way; a room holds no more than it may, and
-- never two people who must be kept apart; whoever books someone out is the login that did; a
-- person who has left stays left.
CREATE OR REPLACE FUNCTION cm_custody_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    room RECORD;
    seen BIGINT;
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF NEW.risk_level IS DISTINCT FROM cm_risk_level(NEW.risk_intoxicated, NEW.risk_injured, NEW.risk_medical, NEW.risk_self_harm) THEN
        RAISE EXCEPTION 'the risk level is the one the risk assessed gives' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'in' OR NEW.released_at IS NOT NULL OR NEW.stage <> 'intake' THEN
            RAISE EXCEPTION 'a person is booked in at the intake desk' USING ERRCODE = 'check_violation';
        END IF;
        seen := NEW.started_at;
    ELSE
        IF OLD.state <> 'in' THEN
            RAISE EXCEPTION 'custody record % is closed: the person has left the suite', OLD.tag USING ERRCODE = 'check_violation';
        END IF;
        IF (NEW.case_id, NEW.person_ref, NEW.legal_basis, NEW.started_at, NEW.limit_at, NEW.basis, NEW.serious, NEW.tag, NEW.retain_until)
           IS DISTINCT FROM (OLD.case_id, OLD.person_ref, OLD.legal_basis, OLD.started_at, OLD.limit_at, OLD.basis, OLD.serious, OLD.tag, OLD.retain_until) THEN
            RAISE EXCEPTION 'a custody record keeps who, why, since when and until when' USING ERRCODE = 'check_violation';
        END IF;
        -- The risk assessed again goes on the custody record, with its reason, in the same transaction.
        IF (NEW.risk_intoxicated, NEW.risk_injured, NEW.risk_medical, NEW.risk_self_harm)
           IS DISTINCT FROM (OLD.risk_intoxicated, OLD.risk_injured, OLD.risk_medical, OLD.risk_self_harm)
           AND NOT EXISTS (SELECT FROM cm_custody_log l WHERE l.custody_id = NEW.id AND l.kind = 'risk' AND l.txid = txid_current()
                           AND l.recorded_by = session_user) THEN
            RAISE EXCEPTION 'permission denied: the risk of % is assessed again only with its reason on the custody record', OLD.tag
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.stage IS DISTINCT FROM OLD.stage AND NOT cm_may_move(OLD.stage, NEW.stage) THEN
            RAISE EXCEPTION 'the route through the suite goes one way: not from % to %', OLD.stage, NEW.stage USING ERRCODE = 'check_violation';
        END IF;
        IF (NEW.state = 'in') <> (NEW.stage <> 'exit') OR (NEW.state = 'in') <> (NEW.released_at IS NULL) THEN
            RAISE EXCEPTION 'a person leaves the suite by the exit, booked out' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.state <> 'in' THEN
            NEW.released_by := session_user;
        END IF;
        seen := GREATEST(NEW.started_at, COALESCE((SELECT MAX(done_at) FROM cm_welfare_checks WHERE custody_id = NEW.id), NEW.started_at));
    END IF;
    IF NEW.state = 'in' AND NEW.next_check_at > seen + cm_check_interval(NEW.risk_level) * 60000 THEN
        RAISE EXCEPTION 'permission denied: % is checked at least every % minutes', NEW.tag, cm_check_interval(NEW.risk_level)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.room_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.room_id IS DISTINCT FROM OLD.room_id) THEN
        -- One room's comings in one at a time, so two desks cannot fill its last place together.
        PERFORM pg_advisory_xact_lock(hashtext('cm_rooms'), NEW.room_id::INTEGER);
        SELECT kind, capacity, name INTO room FROM cm_rooms WHERE id = NEW.room_id;
        IF room.kind IS DISTINCT FROM NEW.stage THEN
            RAISE EXCEPTION 'a person''s stage is the kind of room they are in' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.state = 'in' THEN
            IF (SELECT count(*) FROM cm_custody k WHERE k.room_id = NEW.room_id AND k.state = 'in' AND k.id <> NEW.id) >= room.capacity THEN
                RAISE EXCEPTION '% is full', room.name USING ERRCODE = 'check_violation';
            END IF;
            IF EXISTS (SELECT FROM cm_keep_apart a JOIN cm_custody o ON o.id = CASE WHEN a.custody_a = NEW.id THEN a.custody_b ELSE a.custody_a END
                       WHERE (a.custody_a = NEW.id OR a.custody_b = NEW.id) AND o.room_id = NEW.room_id AND o.state = 'in') THEN
                RAISE EXCEPTION '% must be kept apart from someone in %', NEW.tag, room.name USING ERRCODE = 'check_violation';
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_custody_guard ON cm_custody;
CREATE TRIGGER cm_custody_guard BEFORE INSERT OR UPDATE ON cm_custody FOR EACH ROW EXECUTE FUNCTION cm_custody_guard();

-- A welfare check is of someone in the suite, answers the check that was due, is made after the
-- one before it, and is not dated after it was written (two minutes for the desks' clocks).
CREATE OR REPLACE FUNCTION cm_welfare_check_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    k RECORD;
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    SELECT state, next_check_at INTO k FROM cm_custody WHERE id = NEW.custody_id;
    IF k.state IS DISTINCT FROM 'in' THEN
        RAISE EXCEPTION 'only someone in the suite is checked' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.due_at <> k.next_check_at THEN
        RAISE EXCEPTION 'a check answers the check that was due' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.done_at < COALESCE((SELECT MAX(done_at) FROM cm_welfare_checks WHERE custody_id = NEW.custody_id), 0)
       OR NEW.done_at > NEW.recorded_at + 120000 THEN
        RAISE EXCEPTION 'a check is dated when it was made: after the one before it, not after it was written' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_welfare_checks_zguard ON cm_welfare_checks;
-- After the stamp (triggers fire in name order: ..._guard < ..._who would run first, so this one is named to follow it).
CREATE TRIGGER cm_welfare_checks_zguard BEFORE INSERT ON cm_welfare_checks FOR EACH ROW EXECUTE FUNCTION cm_welfare_check_guard();

-- A line of the custody record carries the transaction that wrote it (the risk's guard above looks for it there).
CREATE OR REPLACE FUNCTION cm_custody_log_stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF NOT hexhub_is_owner() THEN
        NEW.txid := txid_current();
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_custody_log_txid ON cm_custody_log;
CREATE TRIGGER cm_custody_log_txid BEFORE INSERT ON cm_custody_log FOR EACH ROW EXECUTE FUNCTION cm_custody_log_stamp();

-- An interview is started once and ended once, by the login that ends it; nothing else of it changes.
CREATE OR REPLACE FUNCTION cm_interview_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.ended_at IS NOT NULL THEN
            RAISE EXCEPTION 'an interview starts running' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL
       OR (NEW.custody_id, NEW.room_id, NEW.officers, NEW.recording_ref, NEW.started_at)
          IS DISTINCT FROM (OLD.custody_id, OLD.room_id, OLD.officers, OLD.recording_ref, OLD.started_at) THEN
        RAISE EXCEPTION 'an interview is only ended, once' USING ERRCODE = 'check_violation';
    END IF;
    NEW.ended_by := session_user;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_interviews_guard ON cm_interviews;
CREATE TRIGGER cm_interviews_guard BEFORE INSERT OR UPDATE ON cm_interviews FOR EACH ROW EXECUTE FUNCTION cm_interview_guard();

-- The escort team (issue 22 section 3). An escort goes forward only (requested, assigned, on its
-- way, arrived; cancelled before it leaves), keeps the person, the case, where to and the deadline
-- it was requested with, leaves only with a crew, and each step is stamped with the login that took it.
SELECT hexhub_scope_to_centre('cm_escort_crews', 'case_management');
SELECT hexhub_scope_to_centre('cm_escorts', 'case_management');
SELECT hexhub_stamp_who_on('cm_escorts', 'requested_by');
CREATE OR REPLACE FUNCTION cm_escort_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
DECLARE
    held RECORD;
    transfer RECORD;
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF NOT hexhub_holds('case_management.escort.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not change escorts', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- A request, for someone in the suite, on their case; every later step still empty.
        IF NEW.state <> 'requested' OR NEW.crew_id IS NOT NULL OR NEW.vehicle <> '' OR NEW.assigned_at IS NOT NULL OR NEW.assigned_by <> ''
           OR NEW.departed_at IS NOT NULL OR NEW.departed_by <> '' OR NEW.arrived_at IS NOT NULL OR NEW.arrived_by <> ''
           OR NEW.received_by <> '' OR NEW.note <> '' OR NEW.cancelled_at IS NOT NULL OR NEW.cancelled_by <> '' THEN
            RAISE EXCEPTION 'an escort starts as a request' USING ERRCODE = 'check_violation';
        END IF;
        SELECT case_id, state INTO held FROM cm_custody WHERE id = NEW.custody_id;
        IF NOT FOUND OR held.state <> 'in' OR held.case_id <> NEW.case_id THEN
            RAISE EXCEPTION 'an escort is of someone in the suite, on their own case' USING ERRCODE = 'check_violation';
        END IF;
        -- To the detention centre the person's running transfer drives it; anywhere else a time given does.
        IF NEW.destination_kind = 'detention_centre' THEN
            SELECT due_at INTO transfer FROM cm_case_limits
                WHERE id = NEW.limit_id AND custody_id = NEW.custody_id AND rule = 'detention.transfer' AND state = 'running';
            IF NOT FOUND OR transfer.due_at <> NEW.deadline_at THEN
                RAISE EXCEPTION 'an escort to the detention centre runs on the person''s own transfer limit' USING ERRCODE = 'check_violation';
            END IF;
        ELSIF NEW.limit_id IS NOT NULL THEN
            RAISE EXCEPTION 'only an escort to the detention centre runs on the transfer limit' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.custody_id, NEW.case_id, NEW.destination_kind, NEW.destination, NEW.reason, NEW.deadline_at, NEW.limit_id, NEW.requested_at,
        NEW.requested_by)
       IS DISTINCT FROM (OLD.custody_id, OLD.case_id, OLD.destination_kind, OLD.destination, OLD.reason, OLD.deadline_at, OLD.limit_id,
                         OLD.requested_at, OLD.requested_by) THEN
        RAISE EXCEPTION 'an escort keeps the person, where to and the deadline it was requested with' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state IS NOT DISTINCT FROM OLD.state THEN
        RAISE EXCEPTION 'an escort changes only by taking its next step' USING ERRCODE = 'check_violation';
    END IF;
    -- What each step writes, and nothing else; who took it is the login that did.
    IF OLD.state = 'requested' AND NEW.state = 'assigned' THEN
        IF NEW.crew_id IS NULL OR NEW.vehicle = '' OR NEW.assigned_at IS NULL OR NEW.assigned_at < OLD.requested_at
           OR NOT EXISTS (SELECT FROM cm_escort_crews w WHERE w.id = NEW.crew_id AND w.on_duty <> 0) THEN
            RAISE EXCEPTION 'an escort is assigned a crew on duty, with its vehicle' USING ERRCODE = 'check_violation';
        END IF;
        NEW.assigned_by := session_user;
    ELSIF OLD.state = 'assigned' AND NEW.state = 'departed' THEN
        IF (NEW.crew_id, NEW.vehicle, NEW.assigned_at, NEW.assigned_by) IS DISTINCT FROM (OLD.crew_id, OLD.vehicle, OLD.assigned_at, OLD.assigned_by)
           OR NEW.departed_at IS NULL OR NEW.departed_at < OLD.assigned_at THEN
            RAISE EXCEPTION 'an escort leaves with the crew assigned' USING ERRCODE = 'check_violation';
        END IF;
        -- The person left the suite to the crew in this same step.
        IF EXISTS (SELECT FROM cm_custody k WHERE k.id = NEW.custody_id AND (k.state = 'in' OR k.released_by <> session_user)) THEN
            RAISE EXCEPTION 'an escort leaves with the person booked out of the suite to it' USING ERRCODE = 'check_violation';
        END IF;
        NEW.departed_by := session_user;
    ELSIF OLD.state = 'departed' AND NEW.state = 'arrived' THEN
        IF (NEW.crew_id, NEW.vehicle, NEW.assigned_at, NEW.assigned_by, NEW.departed_at, NEW.departed_by)
           IS DISTINCT FROM (OLD.crew_id, OLD.vehicle, OLD.assigned_at, OLD.assigned_by, OLD.departed_at, OLD.departed_by)
           OR NEW.arrived_at IS NULL OR NEW.arrived_at < OLD.departed_at OR length(trim(NEW.received_by)) < 2 THEN
            RAISE EXCEPTION 'an escort arrives as it left, with who received the person' USING ERRCODE = 'check_violation';
        END IF;
        NEW.arrived_by := session_user;
    ELSIF OLD.state IN ('requested', 'assigned') AND NEW.state = 'cancelled' THEN
        IF (NEW.crew_id, NEW.vehicle, NEW.assigned_at, NEW.assigned_by) IS DISTINCT FROM (OLD.crew_id, OLD.vehicle, OLD.assigned_at, OLD.assigned_by)
           OR NEW.cancelled_at IS NULL OR length(trim(NEW.note)) < 5 THEN
            RAISE EXCEPTION 'an escort is cancelled with the reason' USING ERRCODE = 'check_violation';
        END IF;
        NEW.cancelled_by := session_user;
    ELSE
        RAISE EXCEPTION 'an escort does not go from % to %', OLD.state, NEW.state USING ERRCODE = 'check_violation';
    END IF;
    -- A step writes its own columns only.
    IF NEW.state <> 'departed' AND (NEW.departed_at, NEW.departed_by) IS DISTINCT FROM (OLD.departed_at, OLD.departed_by) THEN
        RAISE EXCEPTION 'an escort changes who took a step only by taking it' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state <> 'arrived' AND (NEW.arrived_at, NEW.arrived_by, NEW.received_by) IS DISTINCT FROM (OLD.arrived_at, OLD.arrived_by, OLD.received_by) THEN
        RAISE EXCEPTION 'an escort changes who took a step only by taking it' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state <> 'cancelled' AND (NEW.cancelled_at, NEW.cancelled_by, NEW.note) IS DISTINCT FROM (OLD.cancelled_at, OLD.cancelled_by, OLD.note) THEN
        RAISE EXCEPTION 'an escort changes who took a step only by taking it' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state <> 'assigned' AND (NEW.assigned_at, NEW.assigned_by) IS DISTINCT FROM (OLD.assigned_at, OLD.assigned_by) THEN
        RAISE EXCEPTION 'an escort changes who took a step only by taking it' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_escorts_guard ON cm_escorts;
CREATE TRIGGER cm_escorts_guard BEFORE INSERT OR UPDATE ON cm_escorts FOR EACH ROW EXECUTE FUNCTION cm_escort_guard();

-- The guidelines library (issue 22 section 1): read by the case centre, the hub and trainers,
-- written by administrators (tables.json); who last changed a document is the login that did, and a
-- document keeps its code and language.
CREATE OR REPLACE FUNCTION cm_guideline_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
$$
BEGIN
    IF hexhub_is_owner() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.code, NEW.language) IS DISTINCT FROM (OLD.code, OLD.language) THEN
        RAISE EXCEPTION 'a guideline keeps its code and language' USING ERRCODE = 'check_violation';
    END IF;
    NEW.updated_by := session_user;
    NEW.updated_at := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS cm_guidelines_guard ON cm_guidelines;
CREATE TRIGGER cm_guidelines_guard BEFORE INSERT OR UPDATE ON cm_guidelines FOR EACH ROW EXECUTE FUNCTION cm_guideline_guard();
