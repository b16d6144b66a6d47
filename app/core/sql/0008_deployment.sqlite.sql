-- Which database this is: a random id made with it (the PostgreSQL variant says why).
CREATE TABLE deployment (id TEXT PRIMARY KEY);
INSERT INTO deployment (id) VALUES (lower(hex(randomblob(16))));
