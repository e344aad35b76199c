-- Watchlists: saved queries ("any new fact involving PRK and LAO", "any new sanctions exposure for
-- VNM"), and what each has already reported, so `blocwatch alerts` prints only what is new.
-- IF NOT EXISTS: development stores made before this file was renumbered (004 -> 005) have the tables.
CREATE TABLE IF NOT EXISTS watchlists (
    name       VARCHAR PRIMARY KEY,
    kind       VARCHAR NOT NULL,       -- facts | exposure
    query      VARCHAR NOT NULL,       -- the query's fields as JSON
    created_at TIMESTAMP DEFAULT current_timestamp,
    last_run   TIMESTAMP
);

CREATE TABLE IF NOT EXISTS watch_seen (
    watch      VARCHAR NOT NULL,
    item       VARCHAR NOT NULL,       -- a fact id, or fact:regime:category:exposed for an exposure
    first_seen TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (watch, item)
);
