"""The crash benchmark: kill an ingest with SIGKILL at random points, check the store, rerun, check again.

A trial starts an ingest of a corpus in a child process (forked after the spaCy model is loaded,
so the kill lands while documents are coded and stored, not while the model loads), kills it after
a random delay, checks that the store is consistent, reruns the ingest to the end and checks that
every document is stored exactly once with all its mentions. The corpus is written for this project
from sentence templates (two to four events per article, claims and denials, repeated happenings).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..config import Settings
from ..knowledge import load_knowledge

COUNTRIES = ("Russia", "North Korea", "Laos", "Vietnam", "China", "Iran", "Belarus", "Cuba", "Myanmar", "Cambodia")
TEMPLATES = (
    "{a} and {b} signed a defence cooperation agreement in {month}.",
    "{a} sent artillery shells to {b}, officials said on {day}.",
    "Intelligence officials claimed that {a} had supplied drones to {b}.",
    "{a} denied that it had sent troops to {b}.",
    "The foreign minister of {a} visited {b} on {day} for talks on trade.",
    "{a} imposed sanctions on banks in {b} in {month}.",
    "{a} reportedly asked {b} to send engineers.",
    "{a} condemned the missile launch by {b}.",
)
MONTHS = ("January", "February", "March", "April", "May", "June")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def crash_corpus(path: Path, documents: int = 40, seed: int = 14) -> Path:
    """Write ``documents`` articles as JSON Lines to ``path`` and return it."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(documents):
            sentences = []
            for _ in range(rng.randint(2, 4)):
                a, b = rng.sample(COUNTRIES, 2)
                sentences.append(rng.choice(TEMPLATES).format(a=a, b=b, month=rng.choice(MONTHS),
                                                              day=rng.choice(DAYS)))
            text = " ".join(sentences) + f" The report was number {n} in a series."  # unique texts
            record = {"id": f"crash-{n:03d}", "text": text, "published": f"2025-0{1 + n % 6}-{1 + n % 27:02d}",
                      "outlet": f"Outlet {n % 5}"}
            fh.write(json.dumps(record) + "\n")
    return path


@dataclass
class TrialResult:
    """One kill: how far the ingest got, and what the checks found after the kill and after the rerun."""

    delay: float
    stored_at_kill: int
    problems_after_kill: list[str] = field(default_factory=list)
    problems_after_rerun: list[str] = field(default_factory=list)
    lost: int = 0  # documents of the corpus missing after the rerun
    duplicates: int = 0  # documents stored more than once after the rerun


@dataclass
class CrashBench:
    """What the crash benchmark measured."""

    documents: int
    trials: int
    full_ingest_seconds: float
    killed_mid_store: int  # kills after the first document and before the last was stored
    inconsistent_after_kill: int
    inconsistent_after_rerun: int
    lost_documents: int
    duplicate_documents: int
    seconds: float
    results: list[TrialResult]


# -- the checks -----------------------------------------------------------------------------------
ORPHANS = {
    "events of no stored document": "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)",
    "evidence of no stored document": "SELECT count(*) FROM evidence WHERE doc_id NOT IN (SELECT id FROM documents)",
    "relations of no stored document": "SELECT count(*) FROM relations WHERE doc_id NOT IN (SELECT id FROM documents)",
    "parties of no stored event": "SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)",
    "events without evidence": "SELECT count(*) FROM events WHERE evidence_id NOT IN (SELECT id FROM evidence)",
    "mentions in no fact": "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM fact_mentions)",
    "fact links to no event": "SELECT count(*) FROM fact_mentions WHERE event_id NOT IN (SELECT id FROM events)",
    "mentions in two facts": "SELECT count(*) FROM (SELECT event_id FROM fact_mentions GROUP BY 1 HAVING count(*) > 1)",
    "facts without a mention": "SELECT count(*) FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_mentions)",
    "fact links to no fact": "SELECT count(*) FROM fact_mentions WHERE fact_id NOT IN (SELECT id FROM facts)",
    "fact mention counts wrong": "SELECT count(*) FROM facts f WHERE mentions <> "
                                 "(SELECT count(*) FROM fact_mentions m WHERE m.fact_id = f.id)",
    "documents stored twice": "SELECT count(*) FROM (SELECT text_hash FROM documents GROUP BY 1 HAVING count(*) > 1)",
}


def settle(db: str) -> None:
    """Open ``db`` for writing and close it, as the next command would: DuckDB replays its log of
    the killed session (nothing of blocwatch runs, so nothing is repaired before the checks)."""
    con = duckdb.connect(db)
    con.execute("CHECKPOINT")
    con.close()


def store_problems(db: str, expected: dict[str, tuple[int, int]], settings: Settings) -> list[str]:
    """Return what is inconsistent in the store at ``db``: orphans, partial documents, stale fact summaries.

    ``expected`` gives each document's (mentions, relations) from a complete ingest.
    """
    from ..store import DuckDBStore

    settle(db)
    store = DuckDBStore(db, load_knowledge(settings.data_dir).fusion, read_only=True)
    try:
        problems = [f"{n} {what}" for what, sql in ORPHANS.items()
                    if (n := store.con.execute(sql).fetchone()[0])]
        problems += _partial_documents(store, expected)
        problems += _stale_facts(store)
    finally:
        store.close()
    return problems


def _partial_documents(store, expected: dict[str, tuple[int, int]]) -> list[str]:
    rows = store.con.execute("SELECT d.id, (SELECT count(*) FROM events e WHERE e.doc_id = d.id), "
                             "(SELECT count(*) FROM relations r WHERE r.doc_id = d.id) FROM documents d").fetchall()
    return [f"document {doc} has {m} mentions and {r} relations, not {expected.get(doc)}"
            for doc, m, r in rows if expected.get(doc) != (m, r)]


def _stale_facts(store) -> list[str]:
    """Return the facts whose stored summary differs from one recomputed from their mentions' rows."""
    from ..fuse import summarize

    problems = []
    for (fact_id,) in store.con.execute("SELECT id FROM facts ORDER BY id").fetchall():
        mentions = store._stored_mentions("e.id IN (SELECT event_id FROM fact_mentions WHERE fact_id = ?)", [fact_id])
        if not mentions:
            continue  # counted among the orphans
        s = summarize(mentions, store.rules)  # the fold over every mention, not the kept incremental state
        fact = store.fact(fact_id)
        recomputed = (s.type, s.mode, s.actors, s.recipients, s.status, s.contested, s.event_when, s.first_reported,
                      s.last_reported, s.mentions, s.sources, s.contradicting, s.source_names, tuple(sorted(s.contexts)),
                      tuple((h.old, h.new, h.event_id) for h in s.history))
        stored = (fact.type, fact.mode, fact.actors, fact.recipients, fact.status, fact.contested, fact.event_when,
                  fact.first_reported, fact.last_reported, fact.mentions, fact.sources, fact.contradicting,
                  fact.source_names, tuple(sorted(fact.contexts)),
                  tuple((h.old, h.new, h.event_id) for h in fact.history))
        if recomputed != stored:
            problems.append(f"fact {fact_id}: stored {stored} but its mentions give {recomputed}")
    return problems


# -- the trials -----------------------------------------------------------------------------------
def _ingest(corpus: Path, db: str, settings: Settings) -> None:
    from ..pipeline import ingest
    from ..store import open_store

    store = open_store(db, load_knowledge(settings.data_dir).fusion)
    try:
        ingest([corpus], store, settings)
    finally:
        store.close()


def _child(corpus: str, db: str, settings: Settings) -> None:
    _ingest(Path(corpus), db, settings)
    os._exit(0)  # nothing of the parent's (pytest's) exit handlers runs in the fork


def _stored(db: str) -> dict[str, int]:
    settle(db)
    con = duckdb.connect(db, read_only=True)
    try:
        return dict(con.execute("SELECT id, count(*) FROM documents GROUP BY id").fetchall())
    finally:
        con.close()


def crash_bench(trials: int = 50, documents: int = 40, seed: int = 14, settings: Settings | None = None,
                folder: Path | None = None) -> CrashBench:
    """Kill an ingest ``trials`` times at random points; return what the checks found."""
    from ..extract import Coder

    # small batches: more transactions and session ends for a kill to hit (the default stores 256 at once)
    settings = settings or Settings(batch_size=4, store_batch=4)
    rng = random.Random(seed)
    started = time.perf_counter()
    Coder(settings)  # load the model before forking: the children start ready to code
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory(prefix="blocwatch-crash-", dir=folder) as tmp:
        corpus = crash_corpus(Path(tmp) / "corpus.jsonl", documents, seed)
        reference = str(Path(tmp) / "reference.duckdb")
        clock = time.perf_counter()
        _run_child(context, corpus, reference, settings, None)
        full = time.perf_counter() - clock
        expected = _expected(reference)
        results = [_trial(context, corpus, str(Path(tmp) / f"trial-{n}.duckdb"), settings, expected,
                          rng.uniform(0.0, full)) for n in range(trials)]
    return CrashBench(documents=documents, trials=trials, full_ingest_seconds=round(full, 2),
                      killed_mid_store=sum(0 < r.stored_at_kill < documents for r in results),
                      inconsistent_after_kill=sum(bool(r.problems_after_kill) for r in results),
                      inconsistent_after_rerun=sum(bool(r.problems_after_rerun) for r in results),
                      lost_documents=sum(r.lost for r in results), duplicate_documents=sum(r.duplicates for r in results),
                      seconds=round(time.perf_counter() - started, 1), results=results)


def _run_child(context, corpus: Path, db: str, settings: Settings, kill_after: float | None) -> None:
    child = context.Process(target=_child, args=(str(corpus), db, settings))
    child.start()
    if kill_after is not None:
        child.join(kill_after)
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
    child.join()


def _expected(db: str) -> dict[str, tuple[int, int]]:
    settle(db)
    con = duckdb.connect(db, read_only=True)
    try:
        rows = con.execute("SELECT d.id, (SELECT count(*) FROM events e WHERE e.doc_id = d.id), "
                           "(SELECT count(*) FROM relations r WHERE r.doc_id = d.id) FROM documents d").fetchall()
    finally:
        con.close()
    return {doc: (m, r) for doc, m, r in rows}


def _trial(context, corpus: Path, db: str, settings: Settings, expected: dict, delay: float) -> TrialResult:
    _run_child(context, corpus, db, settings, delay)
    result = TrialResult(delay=round(delay, 3), stored_at_kill=0)
    if not Path(db).exists():
        return result  # killed before the store was made: nothing to check, the rerun makes it
    result.stored_at_kill = sum(_stored(db).values())
    result.problems_after_kill = store_problems(db, expected, settings)
    _run_child(context, corpus, db, settings, None)  # the user's rerun, to the end
    result.problems_after_rerun = store_problems(db, expected, settings)
    stored = _stored(db)
    result.lost = sum(1 for doc in expected if doc not in stored)
    result.duplicates = sum(n - 1 for n in stored.values() if n > 1)
    return result
