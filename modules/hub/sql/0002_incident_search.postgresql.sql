-- Full-text search over incidents: a generated tsvector (configuration 'simple': no stemming, so
-- any language's words match as written) with a GIN index. Chinese text, which this parser cannot
-- split into words, is matched by the dialect with ILIKE on the columns.

ALTER TABLE hub_incidents ADD COLUMN search_doc TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(summary, '') || ' ' || coalesce(address, ''))) STORED;
CREATE INDEX hub_incidents_search ON hub_incidents USING GIN (search_doc);
