"""The pipeline as a Python API: ingest -> nlp -> actors -> extract -> store.

Every CLI command calls one of these functions; nothing here prints.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import BlocwatchError, InputError
from .actors import memory_from
from .ingest import Problem, parse_record, read_documents, record_to_document
from .knowledge import Knowledge, load_knowledge
from .model import CodedDocument, Document
from .store import Store

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events: int = 0
    relations: int = 0


def ingest(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
           published: str | None = None, progress: Progress | None = None,
           knowledge: Knowledge | None = None) -> IngestReport:
    """Read, code and store the documents under ``paths``; documents already stored are skipped."""
    settings = settings or Settings()
    knowledge = knowledge or load_knowledge(settings.data_dir)
    report = IngestReport()
    store.fuse_pending()  # mentions stored before facts existed (migration 002) get theirs
    store.index_copies()  # documents stored before copies were found at storing (migration 004)
    new = _new_documents(read_documents(paths, published=published, max_chars=settings.max_chars,
                                        boilerplate=knowledge.boilerplate), store, report)
    if not new:
        return report
    coder = _coder(settings, knowledge)
    memory = memory_from(store.known_actors())
    batch: list[tuple[Document, CodedDocument]] = []
    for document, coded in zip(new, coder.code_many(new, memory)):
        # what a document teaches is known to the next one at once; it is stored with its batch
        memory.update({k: v for k, v in memory_from(coded.learned_actors).items() if k not in memory})
        batch.append((document, coded))
        if len(batch) >= settings.store_batch:
            _store_batch(store, batch, report, progress)
            batch = []
    _store_batch(store, batch, report, progress)
    return report


def _new_documents(items: Iterable[Document | Problem], store: Store, report: IngestReport) -> list[Document]:
    """Return the documents read that are not stored yet, in order; note problems and duplicates in
    ``report``. One lookup for the whole input, and sets for the repeats within it."""
    docs: list[Document] = []
    for item in items:
        (report.problems if isinstance(item, Problem) else docs).append(item)
    seen_ids, seen_hashes = store.stored_keys([d.id for d in docs], [d.text_hash for d in docs])
    new = []
    for d in docs:
        if d.id in seen_ids or d.text_hash in seen_hashes:
            report.duplicates.append(d.id)
        else:
            new.append(d)
        seen_ids.add(d.id)
        seen_hashes.add(d.text_hash)
    return new


def _store_batch(store: Store, batch: list[tuple[Document, CodedDocument]], report: IngestReport,
                 progress: Progress | None) -> None:
    """Store a batch of coded documents in one transaction and note what happened in ``report``."""
    if not batch:
        return
    added = set(store.add_many(batch))
    for document, coded in batch:
        if document.id in added:
            report.added.append(document.id)
            report.events += len(coded.events)
            report.relations += len(coded.relations)
            for known in coded.learned_actors:
                store.learn_actor(known)
        else:
            report.duplicates.append(document.id)
    if progress:
        progress(len(batch))


def _coder(settings: Settings, knowledge: Knowledge):
    """Return a ``Coder``; imported here, so that spaCy loads only when there is something to parse."""
    from .extract.coder import Coder

    return Coder(settings, knowledge)


def code_lines(lines: Iterable[str], settings: Settings | None = None, where: str = "input",
               progress: Progress | None = None, knowledge: Knowledge | None = None) -> Iterator[dict]:
    """Yield one exchange-format record per non-blank input line; a bad line yields a record with ``error``."""
    settings = settings or Settings()
    knowledge = knowledge or load_knowledge(settings.data_dir)
    coder = None
    batch: list[tuple[int, Document | dict]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        batch.append((n, _document_or_error(line, f"{where}:{n}", settings)))
        if len(batch) >= settings.batch_size:
            coder = coder or _coder(settings, knowledge)
            yield from _code_batch(batch, coder, progress)
            batch = []
    if batch:
        coder = coder or _coder(settings, knowledge)
        yield from _code_batch(batch, coder, progress)


def _document_or_error(line: str, where: str, settings: Settings) -> Document | dict:
    try:
        return record_to_document(parse_record(line, where), where, max_chars=settings.max_chars)
    except InputError as exc:
        return {"id": _best_id(line, where), "events": [], "error": str(exc)}


def _best_id(line: str, where: str) -> str:
    try:
        value = json.loads(line).get("id")
    except (json.JSONDecodeError, AttributeError):
        value = None
    return str(value) if isinstance(value, (str, int)) and value != "" else where


def _code_batch(batch, coder, progress: Progress | None) -> Iterator[dict]:
    docs = [item for _, item in batch if isinstance(item, Document)]
    coded = iter(coder.code_many(docs))
    for _, item in batch:
        if isinstance(item, Document):
            try:
                yield next(coded).to_exchange()
            except BlocwatchError as exc:
                yield CodedDocument(doc_id=item.id, error=str(exc)).to_exchange()
        else:
            yield item
        if progress:
            progress(1)
