"""Writing many documents at once: set-based duplicate checks, near-copy lookup, bulk inserts.

One transaction per batch. Rows go in as Arrow tables (one statement per table, not one per row:
DuckDB's cost is per statement), ids come from the sequences in one statement each, and fusion
runs over the batch's mentions with the facts they can join held in memory (``facts.FactBatch``).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..fuse import Mention
from ..fuse.copies import CONFIRM, INDEX_BELOW, fingerprint, nearest_copy
from ..fuse.sources import shingles
from ..model import Actor, CodedDocument, Document, Evidence

DOCUMENT_COLUMNS = ("id", "text_hash", "title", "published", "url", "outlet", "origin", "text", "copy_of",
                    "copy_group")


class BatchWriterMixin:
    """``add_many`` for a store with a DuckDB ``con``, fusion rules and the facts mixin."""

    con = None

    def add(self, document: Document, coded: CodedDocument) -> bool:
        return bool(self.add_many([(document, coded)]))

    def add_many(self, items: Sequence[tuple[Document, CodedDocument]]) -> list[str]:
        """Store documents with their codings and fuse their mentions, in one transaction; return the ids
        stored (a document already stored, or repeated in ``items`` by id or text, is skipped)."""
        fresh = self.unseen(items)
        if not fresh:
            return []
        self._actor_cache = None  # read again per batch: another session may have added actors
        try:
            with self._transaction():
                groups = self._copy_groups([d for d, _ in fresh])
                insert_rows(self.con, "documents", DOCUMENT_COLUMNS, [
                    (d.id, d.text_hash, d.title, d.published, d.url, d.outlet, d.origin, d.text, *groups[d.id])
                    for d, _ in fresh])
                mentions = self._insert_codings(fresh, groups)
                with self._fact_batch(mentions):
                    self.fusion.fuse(mentions)
        except Exception:
            self._actor_cache = None  # actors inserted by the rolled-back batch are gone
            raise
        return [d.id for d, _ in fresh]

    def unseen(self, items: Sequence[tuple[Document, CodedDocument]]) -> list[tuple[Document, CodedDocument]]:
        """Return the items whose document is neither stored nor repeated earlier in ``items`` (by id or
        text), with one query for the whole batch."""
        ids = [d.id for d, _ in items]
        hashes = [d.text_hash for d, _ in items]
        seen_ids, seen_hashes = self.stored_keys(ids, hashes)
        out = []
        for item in items:
            doc = item[0]
            if doc.id not in seen_ids and doc.text_hash not in seen_hashes:
                out.append(item)
            seen_ids.add(doc.id)
            seen_hashes.add(doc.text_hash)
        return out

    def stored_keys(self, ids: list[str], hashes: list[str]) -> tuple[set[str], set[str]]:
        """Return the ids and the text hashes among ``ids`` / ``hashes`` that stored documents have."""
        rows = self.con.execute(
            "SELECT id, text_hash FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[])) "
            "OR text_hash IN (SELECT unnest(?::VARCHAR[]))", [ids, hashes]).fetchall()
        return {r[0] for r in rows}, {r[1] for r in rows}

    # -- near-copies ---------------------------------------------------------------------------------
    def index_copies(self, batch: int = 500) -> int:
        """Find the near-copies of documents stored before migration 006 (they have no copy group) and
        record them, oldest first; return how many documents were indexed. Their facts take the groups
        in when next updated."""
        done = 0
        while True:
            rows = self.con.execute("SELECT id, text, published FROM documents WHERE copy_group IS NULL "
                                    "ORDER BY published NULLS LAST, id LIMIT ?", [batch]).fetchall()
            if not rows:
                return done
            with self._transaction():
                groups = self._copy_groups([Document(id=r[0], text=r[1], published=r[2]) for r in rows])
                for doc_id, (copy_of, group) in groups.items():
                    self.con.execute("UPDATE documents SET copy_of = ?, copy_group = ? WHERE id = ?",
                                     [copy_of, group, doc_id])
                self.con.execute("UPDATE fact_mentions SET copy_group = d.copy_group FROM documents d "
                                 "WHERE fact_mentions.doc_id = d.id AND fact_mentions.copy_group IS NULL")
            done += len(rows)

    def _copy_groups(self, docs: list[Document]) -> dict[str, tuple[str | None, str]]:
        """Return each document's (copy_of, copy_group); record the band keys of those that start a group.

        A close copy is not indexed (``copies.INDEX_BELOW``): it is found through its original, so
        the lookup grows with the number of distinct stories, not of documents.
        """
        size, threshold = self.rules.shingle_words, self.rules.near_duplicate
        prints = {d.id: fingerprint(d.text, size) for d in docs}
        stored = self._stored_candidates(prints)
        known = {doc_id: (shingles(text, size), group) for doc_id, text, group in self._candidate_texts(stored)}
        local: dict[int, list[str]] = defaultdict(list)  # band key -> documents of this batch starting a group
        groups: dict[str, tuple[str | None, str]] = {}
        bands: list[tuple[int, str]] = []
        for d in docs:
            fp = prints[d.id]
            shared: dict[str, int] = dict(stored.get(d.id, {}))
            for key in fp.bands:
                for other in local.get(key, ()):
                    shared[other] = shared.get(other, 0) + 1
            nearest = sorted(shared, key=lambda o: -shared[o])[:CONFIRM]
            best, score = nearest_copy(fp.shingles, ((o, known[o][0]) for o in nearest if o in known), threshold)
            groups[d.id] = (best, known[best][1]) if best else (None, d.id)
            if score < INDEX_BELOW:
                known[d.id] = (fp.shingles, groups[d.id][1])
                bands.extend((key, d.id) for key in fp.bands)
                for key in fp.bands:
                    local[key].append(d.id)
        insert_rows(self.con, "document_bands", ("band_key", "doc_id"), bands)
        return groups

    def _stored_candidates(self, prints) -> dict[str, dict[str, int]]:
        """Return, per new document, the stored documents sharing a band with it and how many bands."""
        pairs = [(key, doc_id) for doc_id, fp in prints.items() for key in fp.bands]
        if not pairs:
            return {}
        import pyarrow as pa

        table = pa.table({"band_key": pa.array([p[0] for p in pairs], pa.int64()),
                          "doc": pa.array([p[1] for p in pairs], pa.string())})
        with registered(self.con, "_new_bands", table):
            rows = self.con.execute(
                "SELECT n.doc, b.doc_id, count(*) AS shared FROM _new_bands n JOIN document_bands b "
                "ON b.band_key = n.band_key GROUP BY ALL").fetchall()
        out: dict[str, dict[str, int]] = defaultdict(dict)
        for doc, other, shared in rows:
            out[doc][other] = shared
        return {doc: dict(sorted(c.items(), key=lambda kv: -kv[1])[:CONFIRM]) for doc, c in out.items()}

    def _candidate_texts(self, stored: dict[str, dict[str, int]]) -> list[tuple[str, str, str]]:
        ids = sorted({o for c in stored.values() for o in c})
        if not ids:
            return []
        return self.con.execute("SELECT id, text, coalesce(copy_group, id) FROM documents "
                                "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()

    # -- codings -------------------------------------------------------------------------------------
    def _insert_codings(self, fresh, groups) -> list[Mention]:
        """Insert the evidence, events, participants and relations of ``fresh``; return their mentions."""
        events = [(d, e) for d, coded in fresh for e in coded.events]
        relations = [(d, r) for d, coded in fresh for r in coded.relations]
        evidence_ids = self._next_ids("evidence_seq", len(events) + len(relations))
        event_ids = self._next_ids("event_seq", len(events))
        actor_ids = self._actor_ids([a for _, e in events for a in (*e.actor, *e.recipient, *filter(None, [e.source]))])
        insert_rows(self.con, "evidence", ("id", "doc_id", "start_char", "end_char", "text", "sentence",
                                           "sentence_start"),
                    [_evidence_row(i, x.evidence) for i, (_, x) in zip(evidence_ids, events + relations)])
        insert_rows(self.con, "events", ("id", "doc_id", "evidence_id", "type", "mode", "contexts", "status",
                                         "source_id", "event_when", "trigger", "quantities"),
                    [(i, d.id, v, e.type, e.mode, list(e.contexts), e.status,
                      actor_ids[_actor_key(e.source)] if e.source else None, e.when, e.trigger,
                      json.dumps([q.__dict__ for q in e.quantities]) if e.quantities else None)
                     for i, v, (d, e) in zip(event_ids, evidence_ids, events)])
        insert_rows(self.con, "event_actors", ("event_id", "role", "position", "actor_id", "text"),
                    [(i, role, n, actor_ids[_actor_key(a)], a.text)
                     for i, (_, e) in zip(event_ids, events)
                     for role, actors in (("actor", e.actor), ("recipient", e.recipient))
                     for n, a in enumerate(actors)])
        insert_rows(self.con, "relations", ("doc_id", "evidence_id", "subject", "object", "kind", "value",
                                            "contexts", "status"),
                    [(d.id, v, r.subject, r.object, r.kind, r.value, list(r.contexts), r.status)
                     for v, (d, r) in zip(evidence_ids[len(events):], relations)])
        return [Mention.of(i, d, e, groups[d.id][1]) for i, (d, e) in zip(event_ids, events)]

    def _next_ids(self, sequence: str, n: int) -> list[int]:
        if not n:
            return []
        return [r[0] for r in self.con.execute(f"SELECT nextval('{sequence}') FROM range(?)", [n]).fetchall()]

    def _actor_ids(self, actors: list[Actor]) -> dict[tuple, int]:
        """Return the id of every actor key (country, sectors, org, name), inserting the new ones."""
        cache = getattr(self, "_actor_cache", None)
        if cache is None:
            cache = self._actor_cache = {tuple(r[1:]): r[0] for r in self.con.execute(
                "SELECT id, country, sectors, org, name FROM actors").fetchall()}
        new = list(dict.fromkeys(k for k in map(_actor_key, actors) if k not in cache))
        ids = self._next_ids("actor_seq", len(new))
        insert_rows(self.con, "actors", ("id", "country", "sectors", "org", "name"),
                    [(i, *k) for i, k in zip(ids, new)])
        cache.update(zip(new, ids))
        return cache


def _actor_key(actor: Actor) -> tuple:
    return (actor.country, ",".join(actor.sector), actor.org or "", actor.name or "")


def _evidence_row(i: int, ev: Evidence) -> tuple:
    return (i, ev.doc_id, ev.start, ev.end, ev.text, ev.sentence, ev.sentence_start)


@contextmanager
def registered(con, name: str, table: pa.Table) -> Iterator[None]:
    """Make the Arrow ``table`` queryable as ``name`` for the block."""
    # DuckDB 2 refuses to register while a result is half read (a fetchone elsewhere); a new
    # statement closes it.
    con.execute("SELECT 1").fetchall()
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def insert_rows(con, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in one statement, through Arrow."""
    if not rows:
        return
    import pyarrow as pa  # imported when writing, not by read commands

    arrow = pa.table({c: _column([r[n] for r in rows]) for n, c in enumerate(columns)})
    name, cols = f"_rows_{table}", ", ".join(columns)
    with registered(con, name, arrow):
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}").fetchall()


def _column(values: list):
    import pyarrow as pa

    # Lists of strings stay typed even when every list is empty (a NULL-typed list column cannot be cast).
    if any(isinstance(v, list) for v in values):
        return pa.array(values, pa.list_(pa.string()))
    return pa.array(values)
