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
    """What an ingest run did (filled in as it goes, so an interrupted run can still say what it stored)."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events: int = 0
    relations: int = 0
    encodings: dict[str, str] = field(default_factory=dict)  # document id -> encoding its file was decoded with
    pending: list[str] = field(default_factory=list)  # read and new, not stored yet (left when interrupted)


def ingest(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
           published: str | None = None, progress: Progress | None = None,
           report: IngestReport | None = None, knowledge: Knowledge | None = None) -> IngestReport:
    """Read, code and store the documents under ``paths``; documents already stored are skipped.

    ``published`` is the date for documents that state none. Documents are stored one transaction
    per batch of ``settings.store_batch`` and the store is released after every batch, so other processes can read it meanwhile and
    an interrupted run keeps what it stored. Pass ``report`` to see progress if the run is interrupted.
    """
    settings = settings or Settings()
    knowledge = knowledge or load_knowledge(settings.data_dir)
    report = report if report is not None else IngestReport()
    store.fuse_pending()  # mentions stored before facts existed (migration 002) get theirs
    store.index_copies()  # documents stored before copies were found at storing (migration 006)
    new = _new_documents(paths, store, settings, published, report, knowledge)
    report.pending = [d.id for d in new]
    store.release()  # coding is the long part; nobody needs to wait for it
    if not new:
        return report
    if progress and hasattr(progress, "set_total"):
        progress.set_total(len(new))  # the bar can show the time left
    coder = _coder(settings, knowledge)
    memory = memory_from(store.known_actors())
    batch: list[tuple[Document, CodedDocument]] = []
    for document, coded in zip(new, coder.code_many(new, memory)):
        # what a document teaches is known to the next one at once; it is stored with its batch
        memory.update({k: v for k, v in memory_from(coded.learned_actors).items() if k not in memory})
        batch.append((document, coded))
        if len(batch) >= settings.store_batch:
            _store_batch(store, batch, report, progress)
            store.release()
            batch = []
    _store_batch(store, batch, report, progress)
    store.release()
    return report


def _store_batch(store: Store, batch: list[tuple[Document, CodedDocument]], report: IngestReport,
                 progress: Progress | None) -> None:
    """Store a batch of coded documents in one transaction (or record why one was not) and note what
    happened in ``report``."""
    if not batch:
        return
    # A document whose coding failed is not stored, so that the next run codes it again instead of
    # skipping it as already stored.
    for document, coded in batch:
        if coded.error:
            report.problems.append(Problem(where=document.origin or document.id, message=coded.error))
    added = set(store.add_many([(d, c) for d, c in batch if not c.error]))
    for document, coded in batch:
        if coded.error:
            continue
        if document.id in added:
            report.added.append(document.id)
            report.events += len(coded.events)
            report.relations += len(coded.relations)
            for known in coded.learned_actors:
                store.learn_actor(known)
        else:
            report.duplicates.append(document.id)
    del report.pending[:len(batch)]  # documents are stored in the order they were read
    if progress:
        progress(len(batch))


def _coder(settings: Settings, knowledge: Knowledge):
    """Return a ``Coder``; imported here, so that spaCy loads only when there is something to parse."""
    from .extract.coder import Coder

    return Coder(settings, knowledge)


def _new_documents(paths, store: Store, settings: Settings, published: str | None,
                   report: IngestReport, knowledge: Knowledge) -> list[Document]:
    """Return the documents under ``paths`` not stored yet, recording problems, duplicates and encodings;
    one lookup in the store for the whole input, and sets for the repeats within it."""
    docs: list[Document] = []
    for item in read_documents(paths, published=published, max_chars=settings.max_chars,
                               boilerplate=knowledge.boilerplate):
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        if item.encoding:
            report.encodings[item.id] = item.encoding
        docs.append(item)
    ids, hashes = store.stored_keys([d.id for d in docs], [d.text_hash for d in docs])
    new: list[Document] = []
    for d in docs:
        if d.id in ids or d.text_hash in hashes:
            report.duplicates.append(d.id)
        else:
            new.append(d)
        ids.add(d.id)
        hashes.add(d.text_hash)
    return new


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
    except (json.JSONDecodeError, AttributeError, RecursionError):  # not JSON, not an object, nested too deep
        value = None
    if not isinstance(value, (str, int)) or value == "" or _not_unicode(str(value)):
        return where  # the line's place names it when its id cannot (missing, or a lone surrogate)
    return str(value)


def _not_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


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


def import_coded(paths: Iterable[str | Path], store: Store, settings: Settings | None = None,
                 progress: Progress | None = None) -> IngestReport:
    """Store exchange-format records (coded elsewhere or annotated by hand) as mentions, fused like any other."""
    from .ingest.exchange import exchange_record

    settings = settings or Settings()
    ontology = load_knowledge(settings.data_dir).ontology
    report = IngestReport()
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            report.problems.append(Problem(where=str(path), message=f"cannot read: {exc}"))
            continue
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                document, coded = exchange_record(parse_record(line, where), where)
                for event in coded.events:
                    ontology.check_type(event.type, where)
                    ontology.check_mode(event.type, event.mode, where)
            except BlocwatchError as exc:
                report.problems.append(Problem(where=where, message=str(exc)))
                continue
            if store.has_document(document) or not store.add(document, coded):
                report.duplicates.append(document.id)
            else:
                report.added.append(document.id)
                report.events += len(coded.events)
                report.relations += len(coded.relations)
            if progress:
                progress(1)
    return report
