-- What the store has learned about actors across documents (people named with a title in one
-- article resolve in the next), and actors a user added or imported.
CREATE TABLE known_actors (
    name       VARCHAR PRIMARY KEY,
    country    VARCHAR NOT NULL,
    sectors    VARCHAR NOT NULL DEFAULT '',
    role       VARCHAR,
    kind       VARCHAR NOT NULL DEFAULT 'person',
    origin     VARCHAR NOT NULL,
    first_seen VARCHAR,
    last_seen  VARCHAR,
    mentions   INTEGER NOT NULL DEFAULT 1
);
