-- Storing that stays flat as the store grows (issue 15). Idempotent: a store that ran it under an
-- earlier number (004_flat_storing) runs it again harmlessly.
-- Near-copies are found once per document when it is stored (blocwatch.fuse.copies) and recorded on
-- it: the most similar stored document it copies, and its group (the first stored document of the
-- group; NULL on documents stored before this migration: their own group). Documents that start a
-- group leave their MinHash band keys, by which the next documents are looked up.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS copy_of VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS copy_group VARCHAR;
CREATE TABLE IF NOT EXISTS document_bands (
    band_key BIGINT NOT NULL,
    doc_id   VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS document_bands_key ON document_bands (band_key);
-- Each mention's copy group, read by the fact summary (sources count a group once).
ALTER TABLE fact_mentions ADD COLUMN IF NOT EXISTS copy_group VARCHAR;
-- The state of a fact's summary fold (blocwatch.fuse.summary.SummaryState, JSON): a mention arriving
-- last in report order updates its fact from it without reading the fact's other mentions.
ALTER TABLE facts ADD COLUMN IF NOT EXISTS summary_state VARCHAR;
