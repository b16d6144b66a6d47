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
    IF TG_OP = 'INSERT' THEN
        IF NEW.stage NOT IN ('registered', 'accepted') OR (NEW.kind = 'criminal') <> (NEW.stage = 'registered') THEN
            RAISE EXCEPTION 'a case starts at the first stage of its path' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
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
