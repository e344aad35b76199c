"""The speed benchmark: how fast the pipeline codes and stores articles, and how much memory it takes.

It codes a corpus (the bundled demo briefs by default, repeated to a chosen size so that model
loading does not dominate) and ingests it into a fresh store, timing each stage separately.
"""
from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..ingest import Problem, read_documents
from ..knowledge import Knowledge, load_knowledge
from ..model import Document
from ..resources import SHIPPED
from ..store import DuckDBStore

DEMO = SHIPPED / "demo" / "briefs.jsonl"


@dataclass(frozen=True)
class SpeedBench:
    """What the speed benchmark measured."""

    corpus: str
    documents: int
    characters: int
    load_seconds: float  # spaCy model, gazetteer and lexicons
    code_seconds: float  # parse + actors + extraction
    store_seconds: float  # DuckDB inserts and fusion
    documents_per_second: float  # coding and storing together
    characters_per_second: float
    peak_rss_mib: float


def speed_bench(corpus: Path = DEMO, documents: int = 200, settings: Settings | None = None,
                knowledge: Knowledge | None = None) -> SpeedBench:
    """Return timings for coding and storing ``documents`` articles drawn (cyclically) from ``corpus``."""
    from ..extract.coder import Coder  # spaCy: only when this benchmark runs

    settings = settings or Settings()
    started = time.perf_counter()
    knowledge = knowledge or load_knowledge(settings.data_dir)
    docs = _sample(corpus, documents, settings)
    coder = Coder(settings, knowledge)
    coder.code(docs[0])  # first call pays for lazy initialisation
    loaded = time.perf_counter()
    coded = list(coder.code_many(docs))
    code_done = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        with DuckDBStore(Path(tmp) / "speed.duckdb", knowledge.fusion) as store:
            for document, result in zip(docs, coded):
                store.add(document, result)
    stored = time.perf_counter()
    chars = sum(len(d.text) for d in docs)
    busy = stored - loaded
    return SpeedBench(corpus=str(corpus), documents=len(docs), characters=chars,
                      load_seconds=round(loaded - started, 2), code_seconds=round(code_done - loaded, 2),
                      store_seconds=round(stored - code_done, 2),
                      documents_per_second=round(len(docs) / busy, 2) if busy else 0.0,
                      characters_per_second=round(chars / busy) if busy else 0.0,
                      peak_rss_mib=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))


def _sample(corpus: Path, n: int, settings: Settings) -> list[Document]:
    """Return ``n`` documents from ``corpus``, repeated with fresh ids (and distinct text) as needed."""
    base = [d for d in read_documents([corpus], max_chars=settings.max_chars) if not isinstance(d, Problem)]
    if not base:
        raise InputError("no readable documents", where=str(corpus))
    out = []
    for i in range(n):
        doc = base[i % len(base)]
        copy = i // len(base)
        # A distinct suffix keeps the store from treating repeats as re-ingested duplicates.
        out.append(replace(doc, id=f"{doc.id}#{copy}", text=doc.text + ("" if copy == 0 else f"\n(copy {copy})")))
    return out
