-- The 48-hour fast track (issue 22 section 5): a minor criminal case whose likely sentence is within
-- three years and whose suspect's guilty plea was accepted runs on milestone timers from the moment
-- it goes on the track: investigated and referred, prosecuted, tried (time_limits, configurable).
ALTER TABLE cm_cases ADD COLUMN fast_track_at INTEGER;                        -- when it went on the fast track
ALTER TABLE cm_cases ADD COLUMN fast_track_note TEXT NOT NULL DEFAULT '';  -- the grounds, as recorded
-- The fast track is a criminal procedure: an administrative case marked for it before is not on it.
UPDATE cm_cases SET fast_track = 0 WHERE kind <> 'criminal';
UPDATE cm_cases SET fast_track_at = opened_at WHERE fast_track = 1;
INSERT INTO time_limits (module, rule, title, minutes, default_minutes) VALUES
    ('case_management', 'fasttrack.investigation', 'A fast-track case investigated and referred to the procuratorate', 1440, 1440),
    ('case_management', 'fasttrack.prosecution', 'A fast-track case prosecuted', 2160, 2160),
    ('case_management', 'fasttrack.trial', 'A fast-track case tried', 2880, 2880);
