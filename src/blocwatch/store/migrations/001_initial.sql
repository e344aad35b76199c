-- The first schema: documents, evidence, actors, events with their actor rows, relations.
CREATE SEQUENCE evidence_seq START 1;
CREATE SEQUENCE event_seq START 1;
CREATE SEQUENCE relation_seq START 1;
CREATE SEQUENCE actor_seq START 1;

CREATE TABLE documents (
    id          VARCHAR PRIMARY KEY,
    text_hash   VARCHAR NOT NULL UNIQUE,
    title       VARCHAR,
    published   VARCHAR,
    url         VARCHAR,
    outlet      VARCHAR,
    origin      VARCHAR,
    text        VARCHAR NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE evidence (
    id             BIGINT PRIMARY KEY DEFAULT nextval('evidence_seq'),
    doc_id         VARCHAR NOT NULL REFERENCES documents (id),
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL
);

CREATE TABLE actors (
    id      BIGINT PRIMARY KEY DEFAULT nextval('actor_seq'),
    country VARCHAR,
    sectors VARCHAR NOT NULL DEFAULT '',
    org     VARCHAR NOT NULL DEFAULT '',
    name    VARCHAR NOT NULL DEFAULT '',
    UNIQUE (country, sectors, org, name)
);

CREATE TABLE events (
    id          BIGINT PRIMARY KEY DEFAULT nextval('event_seq'),
    doc_id      VARCHAR NOT NULL REFERENCES documents (id),
    evidence_id BIGINT NOT NULL REFERENCES evidence (id),
    type        VARCHAR NOT NULL,
    mode        VARCHAR,
    contexts    VARCHAR[],
    status      VARCHAR NOT NULL,
    source_id   BIGINT REFERENCES actors (id),
    event_when  VARCHAR,
    trigger     VARCHAR,
    quantities  JSON
);

-- One row per participant: role 'actor' or 'recipient', in the order the text gives them.
CREATE TABLE event_actors (
    event_id BIGINT NOT NULL REFERENCES events (id),
    role     VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES actors (id),
    text     VARCHAR
);

CREATE TABLE relations (
    id          BIGINT PRIMARY KEY DEFAULT nextval('relation_seq'),
    doc_id      VARCHAR NOT NULL REFERENCES documents (id),
    evidence_id BIGINT NOT NULL REFERENCES evidence (id),
    subject     VARCHAR NOT NULL,
    object      VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    value       DOUBLE,
    contexts    VARCHAR[],
    status      VARCHAR NOT NULL
);
