-- Each event names the desk that journaled it, so desks sharing a server can tell theirs apart.
ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT '';
