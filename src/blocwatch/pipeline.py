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
    each and the store is released after every batch, so other processes can read it meanwhile and
    an interrupted run keeps what it stored. Pass ``report`` to see progress if the run is interrupted.
    """
    settings = settings or Settings()
    knowledge = knowledge or load_knowledge(settings.data_dir)
    report = report if report is not None else IngestReport()
    store.fuse_pending()  # mentions stored before facts existed (migration 002) get theirs
    new = _new_documents(paths, store, settings, published, report, knowledge)
    report.pending = [d.id for d in new]
    store.release()  # coding is the long part; nobody needs to wait for it
    if not new:
        return report
    if progress and hasattr(progress, "set_total"):
        progress.set_total(len(new))  # the bar can show the time left
    coder = _coder(settings, knowledge)
    memory = memory_from(store.known_actors())
    for n, (document, coded) in enumerate(zip(new, coder.code_many(new, memory)), 1):
        _store_coded(document, coded, store, memory, report)
        report.pending.remove(document.id)
        if n % settings.batch_size == 0:
            store.release()
        if progress:
            progress(1)
    store.release()
    return report


def _coder(settings: Settings, knowledge: Knowledge):
    """Return a ``Coder``; imported here, so that spaCy loads only when there is something to parse."""
    from .extract.coder import Coder

    return Coder(settings, knowledge)


def _new_documents(paths, store: Store, settings: Settings, published: str | None,
                   report: IngestReport, knowledge: Knowledge) -> list[Document]:
    """Return the documents under ``paths`` not stored yet, recording problems, duplicates and encodings."""
    new: list[Document] = []
    ids: set[str] = set()
    hashes: set[str] = set()
    for item in read_documents(paths, published=published, max_chars=settings.max_chars,
                               boilerplate=knowledge.boilerplate):
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        if item.encoding:
            report.encodings[item.id] = item.encoding
        if item.id in ids or item.text_hash in hashes or store.has_document(item):
            report.duplicates.append(item.id)
        else:
            ids.add(item.id)
            hashes.add(item.text_hash)
            new.append(item)
    return new


def _store_coded(document: Document, coded: CodedDocument, store: Store, memory: dict,
                 report: IngestReport) -> None:
    """Store one coded document (or record why it was not) and learn the actors it taught."""
    if coded.error:
        # Not stored, so that the next run codes it again instead of skipping it as already stored.
        report.problems.append(Problem(where=document.origin or document.id, message=coded.error))
        return
    if not store.add(document, coded):
        report.duplicates.append(document.id)
        return
    report.added.append(document.id)
    report.events += len(coded.events)
    report.relations += len(coded.relations)
    for known in coded.learned_actors:
        store.learn_actor(known)
    memory.update({k: v for k, v in memory_from(coded.learned_actors).items() if k not in memory})


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
