-- A camera's stream address, for whoever may watch the camera. On a prepared server (hexhub
-- --init-server) a desk's login may not read hub_cameras.stream_url, which often carries the
-- camera's credentials; this function, run with the owner's rights, gives the address to a login that
-- may read the column or whose Hexhub user holds the camera's view permission, and nothing to others.
CREATE FUNCTION hexhub_camera_stream(camera TEXT) RETURNS TEXT
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    url TEXT;
    needed TEXT;
BEGIN
    SELECT c.stream_url, c.view_permission INTO url, needed FROM hub_cameras c WHERE c.id = camera;
    IF has_column_privilege(session_user, 'hub_cameras', 'stream_url', 'SELECT') THEN
        RETURN url;
    END IF;
    IF hexhub_holds(needed) THEN -- defined by the server rules, which also take the column away
        RETURN url;
    END IF;
    RETURN NULL;
END
$$;
