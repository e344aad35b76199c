"""Facts kept in the store: the DuckDB ``FactRepository`` fusion writes through, user changes, fact queries.

The decisions (which fact a mention joins, a fact's status and sources) are the fusion stage's
(``blocwatch.fuse.Fusion``); this module finds candidates with SQL, so adding a document touches
only the facts it can join.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta

import duckdb

from ..errors import StoreError
from ..fuse import Candidate, Fact, FactKey, FactSummary, Fusion, FusionRules, Interval, Mention, StatusChange
from ..model import Actor, Evidence
from .base import DeletedDocument
from .fact_batch import (SUMMARY_COLUMNS, FactBatch, flush_facts, flush_links, flush_summaries, prefetch,
                         summary_row)

# A mention read from the tables ``add`` writes; the same columns, in order, as MENTION_COLUMNS less fact_id.
MENTIONS_SQL = """
    SELECT e.id, e.doc_id, e.type, e.mode, e.status,
           list(a.country ORDER BY ea.position) FILTER (WHERE ea.role = 'actor'),
           list(a.country ORDER BY ea.position) FILTER (WHERE ea.role = 'recipient'),
           e.event_when, d.published, d.outlet,
           v.start_char, v.end_char, v.text, v.sentence, v.sentence_start,
           s.country, string_split(nullif(s.sectors, ''), ','), nullif(s.org, ''), nullif(s.name, ''),
           coalesce(e.contexts, []), coalesce(d.copy_group, d.id)
    FROM events e
    JOIN evidence v ON v.id = e.evidence_id
    JOIN documents d ON d.id = e.doc_id
    LEFT JOIN event_actors ea ON ea.event_id = e.id
    LEFT JOIN actors a ON a.id = ea.actor_id
    LEFT JOIN actors s ON s.id = e.source_id
    WHERE {where}
    GROUP BY ALL
    ORDER BY e.id"""

MENTION_COLUMNS = ("event_id, fact_id, doc_id, type, mode, status, actors, recipients, event_when, published, outlet, "
                   "start_char, end_char, evidence, sentence, sentence_start, claimant_country, claimant_sectors, "
                   "claimant_org, claimant_name, contexts, copy_group")

FACT_COLUMNS = ("id, type, mode, actors, recipients, status, contested, event_when, first_reported, last_reported, "
                "mentions, sources, contradicting, source_names, contexts")


MENTION_NAMES = tuple(c.strip() for c in MENTION_COLUMNS.split(","))


def _mention_row(m: Mention, fact_id: int) -> tuple:
    """Return a fact_mentions row (MENTION_COLUMNS) for ``m`` in ``fact_id``."""
    ev, c = m.evidence, m.claimant
    return (m.event_id, fact_id, m.doc_id, m.type, m.mode, m.status, list(m.actors), list(m.recipients), m.when,
            m.published, m.outlet, ev.start, ev.end, ev.text, ev.sentence, ev.sentence_start,
            c and c.country, c and list(c.sector), c and c.org, c and c.name, list(m.contexts),
            m.copy_group or m.doc_id)


class FactsMixin:
    """Facts for a store with a DuckDB-compatible ``con``: the ``FactRepository`` fusion writes through,
    and the user's changes (delete, split, rebuild), each one transaction around the fusion stage."""

    con = None

    def _init_facts(self, rules: FusionRules) -> None:
        self.rules = rules
        self.fusion = Fusion(self, rules)
        self._batch: FactBatch | None = None  # while a batch of documents is fused (``_fact_batch``)

    @contextmanager
    def _fact_batch(self, mentions: list[Mention]) -> Iterator[None]:
        """Serve fusion from memory while it fuses ``mentions``, then write what it decided (inside the
        caller's transaction)."""
        self._batch = prefetch(self.con, mentions, self.rules)
        try:
            yield
            flush_facts(self.con, self._batch)
            flush_links(self.con, self._batch, MENTION_NAMES)
            flush_summaries(self.con, self._batch)
        finally:
            self._batch = None

    def _flush_links(self) -> None:
        if self._batch is not None:
            flush_links(self.con, self._batch, MENTION_NAMES)

    # -- the repository fusion reads and writes (fuse.repository.FactRepository) -----------------
    def candidates(self, key: FactKey, time: Interval | None, window: int) -> list[Candidate]:
        """Return the stored facts with ``key`` whose time is within ``window`` days of ``time`` (those with
        no time when ``time`` is None: fuse.identity's time rule)."""
        if self._batch is not None:
            return self._batch.candidates(key, time, window)
        span = timedelta(days=window)
        rows = self.con.execute(
            "SELECT id, mode, time_start, time_end, mentions, contexts, summary_state FROM facts "
            "WHERE family = ? AND parties = ? AND CASE WHEN ?::DATE IS NULL THEN time_start IS NULL "
            "ELSE time_start <= ?::DATE AND time_end >= ?::DATE END",
            [key.family, key.parties, time and time.start - span, time and time.end + span,
             time and time.start - span]).fetchall()
        return [Candidate(r[0], r[1], Interval(r[2], r[3]) if r[2] else None, r[4], tuple(r[5]), r[6])
                for r in rows]

    def facts_split_from(self, event_id: int) -> set[int]:
        """Return the facts holding a mention a user split away from ``event_id``."""
        self._flush_links()
        return {r[0] for r in self.con.execute(
            "SELECT fm.fact_id FROM fact_splits s JOIN fact_mentions fm "
            "ON fm.event_id = CASE WHEN s.event_a = ? THEN s.event_b ELSE s.event_a END "
            "WHERE ? IN (s.event_a, s.event_b)", [event_id, event_id]).fetchall()}

    def new_fact(self, key: FactKey, mention: Mention, fact_id: int | None = None) -> int:
        """Return the id of a new fact row started by ``mention`` (``fact_id`` if given, else the next one;
        within a batch a stand-in id below 0 until the batch is written)."""
        if self._batch is not None:
            return self._batch.started(key, fact_id)
        return self.con.execute(
            "INSERT INTO facts (id, family, parties, type, mode, actors, recipients, status, contested, mentions, "
            "sources, contradicting, source_names) VALUES (coalesce(?, nextval('fact_seq')), ?, ?, ?, ?, ?, ?, ?, "
            "false, 0, 0, 0, []) RETURNING id",
            [fact_id, key.family, key.parties, mention.type, mention.mode, list(mention.actors),
             list(mention.recipients), mention.status]).fetchone()[0]

    def link(self, m: Mention, fact_id: int) -> None:
        """Record ``m`` as a mention of ``fact_id``."""
        row = _mention_row(m, fact_id)
        if self._batch is not None:
            self._batch.links.append(row)
            return
        self.con.execute(f"INSERT INTO fact_mentions ({MENTION_COLUMNS}) VALUES ({', '.join(['?'] * len(row))})",
                         list(row))

    def move(self, event_ids: Collection[int], fact_id: int) -> None:
        """Make the mentions ``event_ids`` mentions of ``fact_id``."""
        self._flush_links()
        self.con.execute("UPDATE fact_mentions SET fact_id = ? WHERE list_contains(?, event_id)",
                         [fact_id, list(event_ids)])

    def keep_apart(self, event_a: int, event_b: int) -> None:
        """Record a user's split of two mentions."""
        self.con.execute("INSERT INTO fact_splits (event_a, event_b) VALUES (?, ?)", [event_a, event_b])

    def mentions_of(self, fact_id: int) -> list[Mention]:
        """Return the mentions of a fact, in the order they were stored."""
        self._flush_links()
        rows = self.con.execute(f"SELECT {MENTION_COLUMNS} FROM fact_mentions WHERE fact_id = ? ORDER BY event_id",
                                [fact_id]).fetchall()
        return [_mention(r[:1] + r[2:]) for r in rows]

    def write_summary(self, fact_id: int, s: FactSummary | None) -> None:
        """Store a fact's summary, its fold state and status history; ``None`` deletes the fact."""
        if s is not None and self._batch is not None:
            self._batch.summarised(fact_id, s)
            return
        self.con.execute("DELETE FROM fact_status_history WHERE fact_id = ?", [fact_id])
        if s is None:
            self.con.execute("DELETE FROM facts WHERE id = ?", [fact_id])
            return
        self.con.execute(f"UPDATE facts SET {', '.join(c + ' = ?' for c in SUMMARY_COLUMNS)} WHERE id = ?",
                         [*summary_row(s), fact_id])
        rows = [[fact_id, n, c.on, c.old, c.new, c.contested, c.event_id, c.doc_id] for n, c in enumerate(s.history)]
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows))  # one statement: DuckDB's cost is per statement
        self.con.execute(f"INSERT INTO fact_status_history VALUES {values}", [v for row in rows for v in row])

    def _stored_mentions(self, where: str, params: Sequence = ()) -> list[Mention]:
        return [_mention(r) for r in self.con.execute(MENTIONS_SQL.format(where=where), list(params)).fetchall()]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN")
        try:
            yield
        except BaseException as exc:  # Ctrl-C too: a batch is stored whole or not at all
            self.con.execute("ROLLBACK")
            if isinstance(exc, duckdb.InterruptException):  # Ctrl-C while DuckDB ran a statement
                raise KeyboardInterrupt from exc
            raise
        self.con.execute("COMMIT")

    # -- changes: new documents, and what a user asks for -------------------------------------------
    def fuse_pending(self) -> int:
        """Fuse the stored mentions that have no fact (stored before migration 002); return how many."""
        pending = self._stored_mentions("e.id NOT IN (SELECT event_id FROM fact_mentions)")
        if pending:
            with self._transaction(), self._fact_batch(pending):
                self.fusion.fuse(pending, check_splits=self._has_splits())
        return len(pending)

    def delete_document(self, doc_id: str) -> DeletedDocument | None:
        """Remove a document, its mentions and relations; update its facts, dropping those left empty.

        DuckDB cannot delete a row in the transaction that deleted the rows referring to it, so the
        tables are emptied child first, one transaction each; an interrupted delete can be repeated.
        """
        if self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            return None
        events = [r[0] for r in self.con.execute("SELECT id FROM events WHERE doc_id = ?", [doc_id]).fetchall()]
        with self._transaction():
            fact_ids = self._unlink(events)
            kept = [f for f in sorted(fact_ids) if self.fusion.refresh(f)]
            self.con.execute("DELETE FROM event_actors WHERE list_contains(?, event_id)", [events])
            self.con.execute("DELETE FROM relations WHERE doc_id = ?", [doc_id])
        for sql in ("DELETE FROM events WHERE doc_id = ?", "DELETE FROM evidence WHERE doc_id = ?",
                    "DELETE FROM documents WHERE id = ?"):
            with self._transaction():
                self.con.execute(sql, [doc_id])
        return DeletedDocument(doc_id, len(events), tuple(kept), tuple(sorted(fact_ids - set(kept))))

    def _unlink(self, events: list[int]) -> set[int]:
        facts = {r[0] for r in self.con.execute(
            "SELECT fact_id FROM fact_mentions WHERE list_contains(?, event_id)", [events]).fetchall()}
        self.con.execute("DELETE FROM fact_mentions WHERE list_contains(?, event_id)", [events])
        self.con.execute("DELETE FROM fact_splits WHERE list_contains(?, event_a) OR list_contains(?, event_b)",
                         [events, events])
        return facts

    def split_fact(self, fact_id: int, event_ids: Sequence[int] | None = None) -> list[int]:
        """Undo a merge: move the mentions ``event_ids`` together into a new fact (default: every mention
        into a fact of its own), never to be merged back. Return the ids of the facts, the split one first."""
        members = self._members(fact_id)
        with self._transaction():
            return self.fusion.split(fact_id, members, event_ids)

    def _has_splits(self) -> bool:
        return self.con.execute("SELECT count(*) FROM fact_splits").fetchall()[0][0] > 0

    def _members(self, fact_id: int) -> list[int]:
        rows = self.con.execute("SELECT event_id FROM fact_mentions WHERE fact_id = ? ORDER BY event_id", [fact_id])
        members = [r[0] for r in rows.fetchall()]
        if not members:
            raise StoreError(f"there is no fact {fact_id}", hint="see 'blocwatch facts'")
        return members

    def rebuild_facts(self) -> int:
        """Fuse every mention again from scratch (after editing fusion.yaml), keeping user splits and
        fact ids: a fact keeps the id its first mention's fact had. Return the number of facts."""
        with self._transaction():
            mentions = self._stored_mentions("true")
            before = self.fact_membership()
            for table in ("fact_mentions", "fact_status_history", "facts"):
                self.con.execute(f"DELETE FROM {table}")
            with self._fact_batch(mentions):  # one batch: the facts are written once, at the end
                self.fusion.fuse(mentions, check_splits=self._has_splits(), keep_ids=before)
        return self.con.execute("SELECT count(*) FROM facts").fetchone()[0]

    # -- reading ---------------------------------------------------------------------------------
    def facts(self, actor: str | None = None, type: str | None = None, status: str | None = None,
              since: str | None = None, limit: int | None = None) -> list[Fact]:
        """Return facts, the most recent first, optionally only those involving ``actor``, of ``type``,
        with derived ``status`` ('contested': any status, denied by someone), or reported on or after
        ``since`` (YYYY-MM-DD)."""
        where, params = [], []
        if actor:
            where.append("(list_contains(actors, ?) OR list_contains(recipients, ?))")
            params += [actor.upper(), actor.upper()]
        if status and status.lower() == "contested":  # not a status of its own: a flag beside one
            where.append("contested")
            status = None
        for column, value in (("type", type and type.upper()), ("status", status and status.lower())):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if since:
            where.append("last_reported >= ?")
            params.append(since)
        rows = self.con.execute(
            f"SELECT {FACT_COLUMNS} FROM facts {'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY coalesce(time_start::VARCHAR, first_reported) DESC NULLS LAST, id "
            f"{f'LIMIT {int(limit)}' if limit else ''}", params).fetchall()
        return [_fact(r) for r in rows]

    def fact(self, fact_id: int) -> Fact | None:
        """Return one fact with its status history and every mention, or None."""
        row = self.con.execute(f"SELECT {FACT_COLUMNS} FROM facts WHERE id = ?", [fact_id]).fetchone()
        if row is None:
            return None
        history = self.con.execute(
            "SELECT changed_on, old_status, new_status, contested, event_id, doc_id FROM fact_status_history "
            "WHERE fact_id = ? ORDER BY seq", [fact_id]).fetchall()
        return _fact(row, tuple(StatusChange(*h) for h in history), tuple(self.mentions_of(fact_id)))

    def whole_facts(self, facts: list[Fact]) -> list[Fact]:
        """Return ``facts`` with their status histories and mentions, read in two queries (not two per fact)."""
        ids = [f.id for f in facts]
        history: dict[int, list[StatusChange]] = defaultdict(list)
        for r in self.con.execute(
                "SELECT fact_id, changed_on, old_status, new_status, contested, event_id, doc_id "
                "FROM fact_status_history WHERE fact_id IN (SELECT unnest(?::BIGINT[])) ORDER BY fact_id, seq",
                [ids]).fetchall():
            history[r[0]].append(StatusChange(*r[1:]))
        mentions: dict[int, list[Mention]] = defaultdict(list)
        for r in self.con.execute(f"SELECT {MENTION_COLUMNS} FROM fact_mentions WHERE fact_id IN "
                                  "(SELECT unnest(?::BIGINT[])) ORDER BY event_id", [ids]).fetchall():
            mentions[r[1]].append(_mention(r[:1] + r[2:]))
        return [replace(f, history=tuple(history[f.id]), evidence=tuple(mentions[f.id])) for f in facts]

    def fact_membership(self) -> dict[int, int]:
        """Return the fact id of every stored mention (event id -> fact id)."""
        return dict(self.con.execute("SELECT event_id, fact_id FROM fact_mentions").fetchall())


def _mention(r) -> Mention:
    """Return a mention from a row of MENTION_COLUMNS without fact_id (or of MENTIONS_SQL)."""
    evidence = Evidence(doc_id=r[1], start=r[10], end=r[11], text=r[12], sentence=r[13], sentence_start=r[14])
    claimant = None
    if any(r[15:19]):
        claimant = Actor(country=r[15], sector=tuple(r[16] or ()), org=r[17], name=r[18])
    return Mention(event_id=r[0], doc_id=r[1], type=r[2], mode=r[3], status=r[4],
                   actors=tuple(x for x in r[5] or () if x), recipients=tuple(x for x in r[6] or () if x),
                   when=r[7], published=r[8], outlet=r[9], evidence=evidence, claimant=claimant,
                   contexts=tuple(r[19] or ()), copy_group=r[20] if len(r) > 20 else None)


def _fact(r, history: tuple[StatusChange, ...] = (), evidence: tuple[Mention, ...] = ()) -> Fact:
    return Fact(id=r[0], type=r[1], mode=r[2], actors=tuple(r[3]), recipients=tuple(r[4]), status=r[5],
                contested=r[6], event_when=r[7], first_reported=r[8], last_reported=r[9], mentions=r[10],
                sources=r[11], contradicting=r[12], source_names=tuple(r[13] or ()), contexts=tuple(r[14] or ()),
                history=history,
                evidence=evidence)
