"""Uploaded documents: the request body is written to a private temporary file named as the CLI would
see it, and given to the same ``pipeline.ingest`` (or ``import_coded``) the CLI calls."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ... import pipeline
from ...config import Settings
from ...errors import InputError
from ...store import Store

SUFFIXES = {"text/plain": ".txt", "text/markdown": ".md", "text/html": ".html", "application/xhtml+xml": ".html",
            "application/jsonl": ".jsonl", "application/x-ndjson": ".jsonl", "application/x-jsonlines": ".jsonl",
            "application/json-lines": ".jsonl"}
DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def upload_suffix(content_type: str | None) -> str:
    """Return the file suffix for a request's Content-Type; ``InputError`` lists the accepted ones."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind not in SUFFIXES:
        raise InputError(f"cannot read a body of type {kind or 'none'!r}",
                         hint=f"send Content-Type {', '.join(sorted(SUFFIXES))}")
    return SUFFIXES[kind]


def ingest_upload(body: bytes, content_type: str | None, doc_id: str | None, published: str | None, coded: bool,
                  store: Store, settings: Settings) -> pipeline.IngestReport:
    """Store an uploaded text, HTML page or JSON Lines file (``coded``: already in the exchange format)."""
    suffix = upload_suffix(content_type)
    if not body.strip():
        raise InputError("the request body is empty")
    if suffix == ".jsonl":
        name = "upload"
    elif coded:
        raise InputError("coded=true needs a JSON Lines body (Content-Type application/jsonl)")
    elif not doc_id or not DOC_ID.match(doc_id):
        raise InputError("a text or HTML upload needs an id: letters, digits, '.', '_' or '-', at most 128",
                         where="id")
    else:
        name = doc_id
    with tempfile.TemporaryDirectory(prefix="blocwatch-upload-") as folder:
        path = Path(folder) / f"{name}{suffix}"
        path.write_bytes(body)
        if coded:
            return pipeline.import_coded([path], store, settings)
        return pipeline.ingest([path], store, settings, published=published)
