"""Training data for the learned event model: annotated corpus documents and written sentences.

Two sources, both in the exchange format of ``shared/eval/GUIDELINE.md``:
- hand annotations of the public corpus in span form (``training/annotations/*.jsonl``: each event has
  ``span`` offsets into the corpus text, which is read from the corpus file, never copied);
- sentences written for the model (``training/sentences/*.jsonl``: records with ``text`` and events
  whose ``evidence`` is a substring of it).
Each becomes a ``GoldDocument``; ``gold_edges`` turns its events into the labelled country pairs the
pair classifier learns from.
"""
from __future__ import annotations

import glob
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Document

UNDIRECTED_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})  # GUIDELINE 3: compared undirected


@dataclass
class GoldDocument:
    """A document with its gold events, each carrying a ``span`` ([start, end) into the text)."""

    document: Document
    events: list[dict] = field(default_factory=list)
    origin: str = ""

    def to_gold(self) -> dict:
        """Return the exchange-format gold record (with evidence text) the scorer reads."""
        events = []
        for ev in self.events:
            start, end = ev["span"]
            events.append({**{k: v for k, v in ev.items() if k != "span"},
                           "evidence": self.document.text[start:end]})
        return {"id": self.document.id, "events": events}


def read_jsonl(path: str | Path) -> list[dict]:
    """Return the records of a JSON Lines file; a bad line is an error naming file and line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON: {exc.msg}", where=f"{path}:{n}") from exc
    return out


def expand(patterns: list[str], root: str | Path = ".") -> list[Path]:
    """Return the files matching glob ``patterns`` relative to ``root``, sorted, without repeats."""
    out: list[Path] = []
    for pattern in patterns:
        for name in sorted(glob.glob(str(Path(root) / pattern))):
            if Path(name) not in out:
                out.append(Path(name))
    return out


def read_corpus(path: str | Path) -> dict[str, dict]:
    """Return the corpus documents by id."""
    if not Path(path).is_file():
        raise InputError("corpus file not found", where=str(path),
                         hint="the public corpus lives in ../shared/corpus/public/documents.jsonl")
    return {d["id"]: d for d in read_jsonl(path)}


def read_annotations(paths: list[Path], corpus: dict[str, dict], keep: set[str] | None = None) -> list[GoldDocument]:
    """Return the annotated corpus documents (events of several annotators of one document pooled).

    ``keep``: the document ids to read (the train split); others are left out.
    """
    by_id: dict[str, GoldDocument] = {}
    for path in paths:
        for record in read_jsonl(path):
            doc_id = record.get("id")
            if keep is not None and doc_id not in keep:
                continue
            if doc_id not in corpus:
                raise InputError(f"document {doc_id!r} is not in the corpus", where=str(path))
            raw = corpus[doc_id]
            gold = by_id.setdefault(doc_id, GoldDocument(
                Document(id=doc_id, text=raw["text"], published=raw.get("published"), title=raw.get("title"),
                         outlet=raw.get("outlet")),  # coded as the product codes it: a release speaks for its issuer
                origin=f"annotation:{Path(path).stem}"))
            for ev in record.get("events", []):
                if "span" not in ev:
                    raise InputError(f"document {doc_id!r}: an event has no span", where=str(path),
                                     hint="store annotations with training/annotations.py store")
                gold.events.append(ev)
    return list(by_id.values())


def read_sentences(paths: list[Path]) -> list[GoldDocument]:
    """Return written training sentences; each event's evidence becomes a span into the sentence."""
    out = []
    for path in paths:
        for n, record in enumerate(read_jsonl(path), 1):
            text = record["text"]
            events = []
            for ev in record.get("events", []):
                evidence = ev.get("evidence") or text
                start = text.find(evidence)
                if start < 0:
                    raise InputError("evidence is not a substring of the text", where=f"{path}:{n}")
                events.append({**{k: v for k, v in ev.items() if k != "evidence"},
                               "span": [start, start + len(evidence)]})
            doc = Document(id=str(record["id"]), text=text, published=record.get("published"))
            out.append(GoldDocument(doc, events, origin=f"sentences:{Path(path).stem}"))
    return out


def _codes(parties) -> list[str]:
    out = []
    for p in parties or []:
        code = p.get("country") if isinstance(p, dict) else p
        if code and code not in out:
            out.append(code)
    return out


def gold_edges(event: dict) -> list[tuple[str, str, str]]:
    """Return the event's ordered (actor code, recipient code, type) edges as the model learns them.

    A directed event gives actor -> recipient; a mutual event (several actors, no recipient) and the
    undirected types give both orders, since either mention may come first in the text.
    """
    actors, recipients = _codes(event.get("actor")), _codes(event.get("recipient"))
    typ = event.get("type")
    if recipients:
        pairs = [(a, r) for a in actors for r in recipients if a != r]
        if typ in UNDIRECTED_TYPES:
            pairs += [(r, a) for a, r in pairs]
    else:
        pairs = [(a, b) for a in actors for b in actors if a != b]
    return [(a, b, typ) for a, b in pairs]


def sentence_labels(gold: GoldDocument, start: int, end: int) -> dict[tuple[str, str], str]:
    """Return (actor code, recipient code) -> type for the gold events whose evidence overlaps [start, end).

    When one pair has several types in a sentence, the first annotated one is kept.
    """
    out: dict[tuple[str, str], str] = {}
    for ev in gold.events:
        s, e = ev["span"]
        if s < end and start < e:
            for a, b, typ in gold_edges(ev):
                out.setdefault((a, b), typ)
    return out
