"""Ingest: read files and folders of articles into ``Document`` records.

``read_documents`` never stops at a bad file: it yields a ``Problem`` for it and goes on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .boilerplate import Boilerplate, boilerplate_spans, is_boilerplate, load_boilerplate, strip_boilerplate
from .readers import (HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, Problem, check_date, parse_record,
                      read_html_file, read_jsonl_file, read_text_file, record_to_document)

__all__ = ["Boilerplate", "Problem", "read_documents", "parse_record", "record_to_document", "boilerplate_spans",
           "is_boilerplate", "load_boilerplate", "strip_boilerplate"]
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_documents(paths: Iterable[str | Path], published: str | None = None,
                   max_chars: int = 200_000, boilerplate: Boilerplate | None = None) -> Iterator[Document | Problem]:
    """Yield the documents in the given files and folders (recursively), and a ``Problem`` per bad input."""
    try:
        published = check_date(published, "--published")
    except InputError as exc:
        yield Problem(where="--published", message=str(exc))
        return
    for path in _files(paths):
        yield from _read_file(path, published, max_chars, boilerplate)


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def _read_file(path: Path, published: str | None, max_chars: int, boilerplate: Boilerplate | None):
    suffix = path.suffix.lower()
    try:
        if not path.is_file():
            raise InputError("no such file", where=str(path))
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path, published, max_chars)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, path.stem, published, max_chars, boilerplate)
        elif suffix in TEXT_SUFFIXES or not suffix:
            yield read_text_file(path, path.stem, published, max_chars)
        else:
            raise InputError(f"unknown file type {suffix!r}", where=str(path),
                             hint="use .txt, .md, .html or .jsonl")
    except InputError as exc:
        yield Problem(where=str(path), message=str(exc))
    except OSError as exc:
        yield Problem(where=str(path), message=f"[E001] {path}: cannot read ({exc.strerror})")
    except Exception as exc:  # noqa: BLE001 - an extractor failing on one file must not lose the others
        yield Problem(where=str(path), message=f"[E001] {path}: could not extract its text "
                                               f"({type(exc).__name__}: {exc})")
