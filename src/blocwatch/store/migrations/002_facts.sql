-- Facts on top of mentions: each row of `events` is one mention (one event read from one sentence);
-- a fact is one real-world happening, linked to every mention that supports or contradicts it.
-- The fact row keeps what its mentions say together (blocwatch.fuse.summarize), so listings need no
-- recomputation. No foreign keys: DuckDB cannot delete a referenced row in the transaction that
-- deleted its referrers, and mentions move between facts when a user splits one.
CREATE SEQUENCE fact_seq START 1;

CREATE TABLE facts (
    id             BIGINT PRIMARY KEY DEFAULT nextval('fact_seq'),
    family         VARCHAR NOT NULL,   -- type family (fusion.yaml compatible_types); candidates are found by
    parties        VARCHAR NOT NULL,   -- family + parties: 'PRK+VNM' (undirected families) or 'RUS>LAO'
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    actors         VARCHAR[] NOT NULL,
    recipients     VARCHAR[] NOT NULL,
    contexts       VARCHAR[] NOT NULL DEFAULT [],  -- every PLOVER context a mention gives
    status         VARCHAR NOT NULL,   -- derived from the mentions (rule in fusion.yaml)
    contested      BOOLEAN NOT NULL,   -- asserted or reported, and denied by someone
    event_when     VARCHAR,            -- the stated time the fact's time comes from, if any
    time_start     DATE,               -- the fact's time: the most precise mention time
    time_end       DATE,
    first_reported VARCHAR,
    last_reported  VARCHAR,
    mentions       INTEGER NOT NULL,
    sources        INTEGER NOT NULL,   -- independent supporting sources
    contradicting  INTEGER NOT NULL,   -- independent sources denying it
    source_names   VARCHAR[] NOT NULL
);
CREATE INDEX facts_candidates ON facts (family, parties);

-- Which fact each mention belongs to (every event belongs to exactly one fact), with a copy of
-- what fusion reads of the mention, so recomputing a fact reads one table by fact_id instead of
-- joining events, evidence, documents and actors each time a mention joins it.
CREATE TABLE fact_mentions (
    event_id         BIGINT NOT NULL,
    fact_id          BIGINT NOT NULL,
    doc_id           VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    status           VARCHAR NOT NULL,
    actors           VARCHAR[] NOT NULL,
    recipients       VARCHAR[] NOT NULL,
    event_when       VARCHAR,
    published        VARCHAR,
    outlet           VARCHAR,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    evidence         VARCHAR NOT NULL,
    sentence         VARCHAR NOT NULL,
    sentence_start   INTEGER NOT NULL,
    claimant_country VARCHAR,
    claimant_sectors VARCHAR[],
    claimant_org     VARCHAR,
    claimant_name    VARCHAR,
    contexts         VARCHAR[] NOT NULL
);
CREATE INDEX fact_mentions_fact ON fact_mentions (fact_id);

-- The derived status after each mention that changed it, mentions replayed in report order.
CREATE TABLE fact_status_history (
    fact_id    BIGINT NOT NULL,
    seq        INTEGER NOT NULL,
    changed_on VARCHAR,                -- publication date of the mention's document
    old_status VARCHAR,
    new_status VARCHAR NOT NULL,
    contested  BOOLEAN NOT NULL,
    event_id   BIGINT NOT NULL,
    doc_id     VARCHAR NOT NULL
);

-- Merges a user undid: the two mentions must never share a fact again (event_a < event_b).
CREATE TABLE fact_splits (
    event_a  BIGINT NOT NULL,
    event_b  BIGINT NOT NULL,
    split_at TIMESTAMP DEFAULT current_timestamp
);
