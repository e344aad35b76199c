"""Partitions of the input shards and the coding of one partition (what a Dask worker runs).

A partition writes ``documents/``, ``mentions/`` and ``relations/`` Parquet files, then its marker.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..config import Settings
from ..errors import InputError
from ..ingest import parse_record, record_to_document
from ..model import CodedDocument, Document

SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")

DOCUMENT_SCHEMA = pa.schema([("id", pa.string()), ("text", pa.string()), ("published", pa.string()),
                             ("title", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
                             ("origin", pa.string()), ("error", pa.string())])
_STRINGS = pa.list_(pa.string())
MENTION_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("position", pa.int32()), ("type", pa.string()), ("mode", pa.string()),
    ("status", pa.string()), ("contexts", _STRINGS), ("actors", pa.string()), ("recipients", pa.string()),
    ("source", pa.string()), ("event_when", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("evidence", pa.string()), ("sentence", pa.string()), ("sentence_start", pa.int32()), ("trigger", pa.string())])
RELATION_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("position", pa.int32()), ("subject", pa.string()), ("object", pa.string()),
    ("kind", pa.string()), ("value", pa.float64()), ("contexts", _STRINGS), ("status", pa.string()),
    ("start", pa.int32()), ("end", pa.int32()), ("evidence", pa.string()), ("sentence", pa.string()),
    ("sentence_start", pa.int32())])


@dataclass(frozen=True)
class Partition:
    """Rows ``[start, start + size)`` of one input shard."""

    shard: str
    start: int
    size: int

    @property
    def name(self) -> str:
        """Return a file-name-safe name that stays the same for the same shard and rows."""
        digest = hashlib.sha1(f"{os.path.abspath(self.shard)}:{self.start}".encode()).hexdigest()[:12]
        return f"{Path(self.shard).name.split('.')[0]}-{self.start:09d}-{digest}"


def shards(paths) -> list[Path]:
    """Return the input shards under ``paths`` (files, or folders searched for .jsonl/.jsonl.gz/.parquet)."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.name.endswith(SUFFIXES)))
        elif p.is_file() and p.name.endswith(SUFFIXES):
            found.append(p)
        elif p.is_file():
            raise InputError("not a JSONL, JSONL.gz or Parquet shard", where=str(p),
                             hint="bulk reads .jsonl, .jsonl.gz and .parquet files")
        else:
            raise InputError("no such file or folder", where=str(p))
    return found


def plan(paths, size: int) -> list[Partition]:
    """Return the partitions of ``size`` rows that cover every shard under ``paths``."""
    out = []
    for shard in shards(paths):
        rows = _row_count(shard)
        out.extend(Partition(str(shard), start, size) for start in range(0, rows, size))
    return out


def _row_count(shard: Path) -> int:
    if shard.name.endswith(".parquet"):
        return pq.ParquetFile(shard).metadata.num_rows
    with _open_text(shard) as fh:
        return sum(1 for _ in fh)


def _open_text(shard: Path):
    return gzip.open(shard, "rt", encoding="utf-8") if shard.name.endswith(".gz") else open(shard, encoding="utf-8")


def read_partition(part: Partition, max_chars: int) -> list[Document | tuple[str, str]]:
    """Return the partition's documents; a bad record gives (where, message) instead."""
    shard = Path(part.shard)
    if shard.name.endswith(".parquet"):
        records = [(f"{shard}:{part.start + n + 1}", r) for n, r in enumerate(_parquet_rows(shard, part))]
    else:
        with _open_text(shard) as fh:
            records = [(f"{shard}:{part.start + n + 1}", line)
                       for n, line in enumerate(islice(fh, part.start, part.start + part.size))]
    out: list[Document | tuple[str, str]] = []
    for where, record in records:
        if isinstance(record, str) and not record.strip():
            continue
        try:
            parsed = parse_record(record, where) if isinstance(record, str) else _clean(record)
            out.append(record_to_document(parsed, where, max_chars=max_chars))
        except InputError as exc:
            out.append((where, str(exc)))
    return out


def _parquet_rows(shard: Path, part: Partition) -> list[dict]:
    """Return the partition's rows, reading only the row groups that hold them (memory stays bounded)."""
    file = pq.ParquetFile(shard)
    rows: list[dict] = []
    offset, end = 0, part.start + part.size
    for group in range(file.num_row_groups):
        n = file.metadata.row_group(group).num_rows
        if offset < end and offset + n > part.start:
            lo = max(0, part.start - offset)
            rows.extend(file.read_row_group(group).slice(lo, min(n, end - offset) - lo).to_pylist())
        offset += n
    return rows


def _clean(record: dict) -> dict:
    # Parquet gives dates as date objects and missing values as None
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in record.items() if v is not None}


@lru_cache(maxsize=2)
def _coder(settings_json: str):
    """Return a Coder for these settings, built once per worker process (spaCy model and knowledge)."""
    from ..extract.coder import Coder
    from ..knowledge import load_knowledge

    settings = Settings(**json.loads(settings_json))
    return Coder(settings, load_knowledge(settings.data_dir))


def code_partition(part: Partition, out_dir: str, settings: Settings) -> dict:
    """Code one partition and write its Parquet files, then its marker; return what it did.

    A partition whose marker exists is skipped. Files are written under temporary names and renamed,
    and the marker comes last, so a partition killed half-way is coded again from the start.
    """
    out = Path(out_dir)
    marker = out / "done" / f"{part.name}.json"
    if marker.exists():
        return {**json.loads(marker.read_text(encoding="utf-8")), "skipped": True}
    items = read_partition(part, settings.max_chars)
    docs = [d for d in items if isinstance(d, Document)]
    coded = list(_coder(json.dumps(asdict(settings))).code_many(docs)) if docs else []
    _write(out / "documents" / f"{part.name}.parquet", _document_rows(items, coded), DOCUMENT_SCHEMA)
    _write(out / "mentions" / f"{part.name}.parquet", _mention_rows(coded), MENTION_SCHEMA)
    _write(out / "relations" / f"{part.name}.parquet", _relation_rows(coded), RELATION_SCHEMA)
    summary = {"partition": part.name, "shard": part.shard, "start": part.start, "documents": len(docs),
               "problems": len(items) - len(docs), "mentions": sum(len(c.events) for c in coded),
               "worker_rss_mib": _rss_mib()}
    _write_text(marker, json.dumps(summary))
    return {**summary, "skipped": False}


def _rss_mib() -> float:
    """Return this worker's resident memory now, after its partition (ru_maxrss would include what a
    forked worker inherited from its parent)."""
    import psutil  # a dependency of Dask's distributed

    return round(psutil.Process().memory_info().rss / 2**20, 1)


def _document_rows(items, coded: list[CodedDocument]) -> list[dict]:
    errors = {c.doc_id: c.error for c in coded if c.error}
    rows = []
    for item in items:
        if isinstance(item, Document):
            rows.append({"id": item.id, "text": item.text, "published": item.published, "title": item.title,
                         "url": item.url, "outlet": item.outlet, "origin": item.origin, "error": errors.get(item.id)})
        else:
            rows.append({"id": None, "text": None, "published": None, "title": None, "url": None, "outlet": None,
                         "origin": item[0], "error": item[1]})
    return rows


def _mention_rows(coded: list[CodedDocument]) -> list[dict]:
    rows = []
    for c in coded:
        for n, e in enumerate(c.events):
            ev = e.evidence
            rows.append({"doc_id": c.doc_id, "position": n, "type": e.type, "mode": e.mode, "status": e.status,
                         "contexts": list(e.contexts), "actors": json.dumps([a.to_exchange() for a in e.actor]),
                         "recipients": json.dumps([a.to_exchange() for a in e.recipient]),
                         "source": json.dumps(e.source.to_exchange()) if e.source else None, "event_when": e.when,
                         "start": ev.start, "end": ev.end, "evidence": ev.text, "sentence": ev.sentence,
                         "sentence_start": ev.sentence_start, "trigger": e.trigger})
    return rows


def _relation_rows(coded: list[CodedDocument]) -> list[dict]:
    return [{"doc_id": c.doc_id, "position": n, "subject": r.subject, "object": r.object, "kind": r.kind,
             "value": r.value, "contexts": list(r.contexts), "status": r.status, "start": r.evidence.start,
             "end": r.evidence.end, "evidence": r.evidence.text, "sentence": r.evidence.sentence,
             "sentence_start": r.evidence.sentence_start}
            for c in coded for n, r in enumerate(c.relations)]


def _write(path: Path, rows: list[dict], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    os.replace(tmp, path)


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
