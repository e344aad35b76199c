"""The fusion benchmark: ingest a corpus with known duplicate structure and score the merges.

The corpus (``bench/fusion/generate.py``) carries each document's coding with every event labelled
with its true fact, and ``copy_of`` for wire copies. The codings are stored as given, so the figures
measure fusion alone, not extraction.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from math import comb
from pathlib import Path

from ..errors import InputError
from ..fuse import FusionRules
from ..model import Actor, CodedDocument, Document, Event, Evidence
from ..store import DuckDBStore


@dataclass(frozen=True)
class FusionBench:
    """What the benchmark measured."""

    corpus: str
    documents: int
    mentions: int
    true_facts: int
    facts: int
    precision: float  # of the mention pairs placed in one fact, the share that truly are one fact
    recall: float  # of the mention pairs that truly are one fact, the share placed in one fact
    f1: float
    sources_exact: float  # share of true facts found whole whose independent-source count is right
    seconds: float  # storing and fusing every document
    documents_per_second: float


@dataclass(frozen=True)
class LabelledDocument:
    document: Document
    coded: CodedDocument
    facts: tuple[str, ...]  # the true fact of each event, in order
    copy_of: str | None


def fusion_bench(corpus: Path, db: str = ":memory:", rules: FusionRules | None = None,
                 batch: int = 32) -> FusionBench:
    """Return merge precision/recall and timing for ingesting ``corpus`` into a fresh store at ``db``,
    ``batch`` documents per transaction (1: one at a time)."""
    labelled = read_corpus(corpus)
    with DuckDBStore(db, rules) as store:
        start = time.perf_counter()
        for i in range(0, len(labelled), batch):
            store.add_many([(item.document, item.coded) for item in labelled[i:i + batch]])
        seconds = time.perf_counter() - start
        truth = _truth_by_event(store, labelled)
        predicted = store.fact_membership()
        found = {fact.id: fact.sources for fact in store.facts()}
    p, r = pairwise_scores(predicted, truth)
    return FusionBench(
        corpus=str(corpus), documents=len(labelled), mentions=len(truth), true_facts=len(set(truth.values())),
        facts=len(found), precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0,
        sources_exact=_sources_exact(predicted, truth, found, true_sources(labelled)), seconds=seconds,
        documents_per_second=len(labelled) / seconds if seconds else 0.0)


def pairwise_scores(predicted: Mapping[int, Hashable], truth: Mapping[int, Hashable]) -> tuple[float, float]:
    """Return (precision, recall) over pairs of mentions put in one cluster, against the true clusters."""
    both = Counter((predicted[m], truth[m]) for m in truth)
    agreed = sum(comb(n, 2) for n in both.values())
    merged = sum(comb(n, 2) for n in Counter(predicted[m] for m in truth).values())
    true = sum(comb(n, 2) for n in Counter(truth.values()).values())
    return (agreed / merged if merged else 1.0), (agreed / true if true else 1.0)


def true_sources(labelled: list[LabelledDocument]) -> dict[str, int]:
    """Return each true fact's number of independent supporting sources, from the corpus labels:
    the named claimant of a claim, else the outlet of the original a copy reprints."""
    outlets = {item.document.id: item.document.outlet for item in labelled}
    sources: dict[str, set[str]] = {}
    for item in labelled:
        origin = outlets[item.copy_of] if item.copy_of else item.document.outlet
        for event, fact in zip(item.coded.events, item.facts):
            if event.status in ("asserted", "reported"):
                who = event.source.name if event.source else origin
                sources.setdefault(fact, set()).add(who)
    return {fact: len(who) for fact, who in sources.items()}


def _sources_exact(predicted, truth, found: dict[int, int], expected: dict[str, int]) -> float:
    """Return the share of true facts fused whole and alone whose source count is right."""
    members = Counter(predicted.values())
    whole = {t: p for (p, t), n in Counter((predicted[m], truth[m]) for m in truth).items()
             if n == members[p] == Counter(truth.values())[t]}
    scored = [t for t in whole if t in expected]
    return sum(found[whole[t]] == expected[t] for t in scored) / len(scored) if scored else 0.0


def _truth_by_event(store: DuckDBStore, labelled: list[LabelledDocument]) -> dict[int, str]:
    """Return the true fact of every stored event (events are stored in coding order per document)."""
    labels = {item.document.id: item.facts for item in labelled}
    rows = store.con.execute("SELECT id, doc_id FROM events ORDER BY doc_id, id").fetchall()
    truth, position = {}, Counter()
    for event_id, doc_id in rows:
        truth[event_id] = labels[doc_id][position[doc_id]]
        position[doc_id] += 1
    return truth


def read_corpus(path: Path) -> list[LabelledDocument]:
    """Return the corpus's documents with their codings and true fact labels."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the corpus: {exc.strerror}", where=str(path),
                         hint="write one with: python bench/fusion/generate.py") from None
    return [_labelled(json.loads(line), f"{path}:{n}") for n, line in enumerate(lines, 1) if line.strip()]


def _labelled(record: dict, where: str) -> LabelledDocument:
    try:
        doc = Document(id=record["id"], text=record["text"], published=record.get("published"),
                       outlet=record.get("outlet"))
        events = [_event(doc, e) for e in record["events"]]
        return LabelledDocument(doc, CodedDocument(doc.id, events), tuple(e["fact"] for e in record["events"]),
                                record.get("copy_of"))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"not a fusion corpus record ({exc})", where=where) from None


def _event(doc: Document, e: dict) -> Event:
    start, end = e["span"]
    evidence = Evidence(doc.id, start, end, doc.text[start:end], doc.text[start:end], start)
    source = e.get("source")
    return Event(actor=[_actor(a) for a in e["actor"]], recipient=[_actor(a) for a in e["recipient"]],
                 type=e["type"], mode=e.get("mode"), contexts=list(e.get("contexts") or ()), status=e["status"],
                 source=_actor(source) if source else None, when=e.get("when"), evidence=evidence)


def _actor(a: dict) -> Actor:
    return Actor(country=a.get("country"), sector=tuple(a.get("sector") or ()), name=a.get("name"))
