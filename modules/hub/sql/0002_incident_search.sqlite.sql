-- Full-text search over incidents: an FTS5 index (trigram tokenizer, so any substring of three or
-- more characters matches, Chinese included) kept in step with hub_incidents by triggers.

CREATE VIRTUAL TABLE hub_incidents_fts USING fts5(
    summary, address,
    content = 'hub_incidents', content_rowid = 'id', tokenize = 'trigram');

INSERT INTO hub_incidents_fts (rowid, summary, address) SELECT id, summary, address FROM hub_incidents;

CREATE TRIGGER hub_incidents_fts_insert AFTER INSERT ON hub_incidents BEGIN
    INSERT INTO hub_incidents_fts (rowid, summary, address) VALUES (new.id, new.summary, new.address);
END;

CREATE TRIGGER hub_incidents_fts_delete AFTER DELETE ON hub_incidents BEGIN
    INSERT INTO hub_incidents_fts (hub_incidents_fts, rowid, summary, address)
        VALUES ('delete', old.id, old.summary, old.address);
END;

CREATE TRIGGER hub_incidents_fts_update AFTER UPDATE OF summary, address ON hub_incidents BEGIN
    INSERT INTO hub_incidents_fts (hub_incidents_fts, rowid, summary, address)
        VALUES ('delete', old.id, old.summary, old.address);
    INSERT INTO hub_incidents_fts (rowid, summary, address) VALUES (new.id, new.summary, new.address);
END;
