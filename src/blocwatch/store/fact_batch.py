"""The facts a batch of mentions can join, held in memory while fusion runs over the batch.

Fusion asks for candidates, starts facts, links mentions and writes summaries once per mention;
against DuckDB each of those was a statement (1 ms or more each). Within a batch they are served
from memory: the candidate facts are read in one query at the start, links and summaries are written
in one statement per table at the end.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from ..fuse import Candidate, FactKey, FactSummary, FusionRules, Interval, Mention, fact_key, mention_time
from .batch import insert_rows, registered

SUMMARY_COLUMNS = ("type", "mode", "actors", "recipients", "contexts", "status", "contested", "event_when",
                   "time_start", "time_end", "first_reported", "last_reported", "mentions", "sources",
                   "contradicting", "source_names", "summary_state")


@dataclass
class FactBatch:
    """Candidate facts by key, and the new facts, links and summaries not yet written.

    A fact started in the batch has a stand-in id below 0 (no statement per new fact); the batch
    draws the real ids from the sequence when it is written, in the order the facts were started.
    """

    facts: dict[FactKey, dict[int, Candidate]] = field(default_factory=lambda: defaultdict(dict))
    key_of: dict[int, FactKey] = field(default_factory=dict)
    new: list[int] = field(default_factory=list)  # ids of the facts started in the batch, in order
    links: list[tuple] = field(default_factory=list)
    summaries: dict[int, FactSummary] = field(default_factory=dict)
    linked_early: bool = False  # links with stand-in ids were written before the batch ended

    def candidates(self, key: FactKey, time: Interval | None, window: int) -> list[Candidate]:
        """Return the facts with ``key`` within ``window`` days of ``time`` (those with no time if None)."""
        span = timedelta(days=window)
        return [c for c in self.facts[key].values()
                if (c.time is None if time is None else
                    c.time is not None and c.time.start <= time.end + span and c.time.end >= time.start - span)]

    def started(self, key: FactKey, fact_id: int | None = None) -> int:
        """Return the id of a new fact with ``key``: ``fact_id`` if given, else a stand-in below 0."""
        fact_id = fact_id if fact_id is not None else -(len(self.new) + 1)
        self.new.append(fact_id)
        self.facts[key][fact_id] = Candidate(fact_id, None, None, 0)
        self.key_of[fact_id] = key
        return fact_id

    def summarised(self, fact_id: int, s: FactSummary) -> None:
        self.summaries[fact_id] = s
        key = self.key_of.get(fact_id)
        if key is not None:  # the next mention of the batch sees the fact as it is now
            self.facts[key][fact_id] = Candidate(fact_id, s.mode, s.time, s.mentions, s.contexts, s.state)


def prefetch(con, mentions: list[Mention], rules: FusionRules) -> FactBatch:
    """Return a batch holding every stored fact a mention of ``mentions`` could join, read in one query."""
    spans: dict[FactKey, list] = {}
    for m in mentions:
        key, time = fact_key(m, rules), mention_time(m)
        lo, hi, undated = spans.get(key, (None, None, False))
        if time is None:
            spans[key] = [lo, hi, True]
        else:
            span = timedelta(days=rules.window(key.family))
            spans[key] = [min(filter(None, (lo, time.start - span))), max(filter(None, (hi, time.end + span))),
                          undated]
    batch = FactBatch()
    if not spans:
        return batch
    import pyarrow as pa  # imported when writing, not by read commands

    keys = pa.table({"family": [k.family for k in spans], "parties": [k.parties for k in spans],
                     "lo": pa.array([v[0] for v in spans.values()], pa.date32()),
                     "hi": pa.array([v[1] for v in spans.values()], pa.date32()),
                     "undated": [v[2] for v in spans.values()]})
    with registered(con, "_fact_keys", keys):
        rows = con.execute(
            "SELECT f.family, f.parties, f.id, f.mode, f.time_start, f.time_end, f.mentions, f.contexts, "
            "f.summary_state FROM facts f JOIN _fact_keys k ON f.family = k.family AND f.parties = k.parties "
            "WHERE (k.undated AND f.time_start IS NULL) OR (f.time_start <= k.hi AND f.time_end >= k.lo)").fetchall()
    for family, parties, fact_id, mode, start, end, n, contexts, state in rows:
        batch.key_of[fact_id] = FactKey(family, parties)
        batch.facts[batch.key_of[fact_id]][fact_id] = Candidate(
            fact_id, mode, Interval(start, end) if start else None, n, tuple(contexts), state)
    return batch


def flush_links(con, batch: FactBatch, columns: tuple[str, ...]) -> None:
    """Write the links held in ``batch`` (rows in the order of ``columns``)."""
    if batch.links and any(row[1] < 0 for row in batch.links):
        batch.linked_early = True
    insert_rows(con, "fact_mentions", columns, batch.links)
    batch.links.clear()


def flush_facts(con, batch: FactBatch) -> None:
    """Give the facts started in ``batch`` their ids and insert them (their summaries follow)."""
    stand_ins = [f for f in batch.new if f < 0]
    real = [r[0] for r in con.execute("SELECT nextval('fact_seq') FROM range(?)", [len(stand_ins)]).fetchall()] \
        if stand_ins else []
    ids = dict(zip(stand_ins, real))
    insert_rows(con, "facts", ("id", "family", "parties", "type", "mode", "actors", "recipients", "status",
                               "contested", "mentions", "sources", "contradicting", "source_names"),
                [(ids.get(f, f), batch.key_of[f].family, batch.key_of[f].parties, "", None, [], [], "", False, 0, 0,
                  0, []) for f in batch.new])
    if not ids:
        return
    batch.links = [(row[0], ids.get(row[1], row[1]), *row[2:]) for row in batch.links]
    batch.summaries = {ids.get(f, f): s for f, s in batch.summaries.items()}
    if batch.linked_early:
        for stand_in, fact_id in ids.items():
            con.execute("UPDATE fact_mentions SET fact_id = ? WHERE fact_id = ?", [fact_id, stand_in])


def flush_summaries(con, batch: FactBatch) -> None:
    """Write the fact summaries and status histories held in ``batch``: one statement per table."""
    if not batch.summaries:
        return
    ids = list(batch.summaries)
    rows = [(f, *summary_row(s)) for f, s in batch.summaries.items()]
    columns = ("id",) + SUMMARY_COLUMNS
    import pyarrow as pa

    table = pa.table({c: _typed(c, [r[n] for r in rows]) for n, c in enumerate(columns)})
    with registered(con, "_summaries", table):
        con.execute(f"UPDATE facts SET {', '.join(f'{c} = u.{c}' for c in SUMMARY_COLUMNS)} "
                    "FROM _summaries u WHERE facts.id = u.id").fetchall()
    con.execute("DELETE FROM fact_status_history WHERE fact_id IN (SELECT unnest(?::BIGINT[]))", [ids])
    insert_rows(con, "fact_status_history", ("fact_id", "seq", "changed_on", "old_status", "new_status",
                                             "contested", "event_id", "doc_id"),
                [(f, n, c.on, c.old, c.new, c.contested, c.event_id, c.doc_id)
                 for f, s in batch.summaries.items() for n, c in enumerate(s.history)])
    batch.summaries.clear()


def summary_row(s: FactSummary) -> tuple:
    """Return the values of SUMMARY_COLUMNS for a summary."""
    return (s.type, s.mode, list(s.actors), list(s.recipients), list(s.contexts), s.status, s.contested,
            s.event_when, s.time.start if s.time else None, s.time.end if s.time else None, s.first_reported,
            s.last_reported, s.mentions, s.sources, s.contradicting, list(s.source_names), s.state)


def _typed(column: str, values: list):
    import pyarrow as pa

    types = {"actors": pa.list_(pa.string()), "recipients": pa.list_(pa.string()), "contexts": pa.list_(pa.string()),
             "source_names": pa.list_(pa.string()), "time_start": pa.date32(), "time_end": pa.date32(),
             "contested": pa.bool_(), "mentions": pa.int32(), "sources": pa.int32(), "contradicting": pa.int32(),
             "id": pa.int64()}
    return pa.array(values, types.get(column, pa.string()))
