-- Which database this is: a random id made with it. A desk remembers it with the last journal entry
-- it saw, so a database recreated under the same name, or another one restored in its place, is
-- never taken for the journal it saw (it would catch up from a number that means nothing there).
CREATE TABLE deployment (id TEXT PRIMARY KEY);
INSERT INTO deployment (id) VALUES (gen_random_uuid()::TEXT);
