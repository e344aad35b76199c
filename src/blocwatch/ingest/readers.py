"""Readers for the input formats: plain text, Markdown, HTML and JSON Lines records."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..dates import PartialDate
from ..errors import InputError
from ..model import Document
from .boilerplate import Boilerplate, strip_boilerplate
from .decode import decode_bytes

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
# A plain-text article may start with "key: value" lines and a blank line; these keys are read as metadata.
HEADER_LINE = re.compile(r"^(title|published|url|outlet):[ \t]*(.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """An input that could not be read: where, and what is wrong with it."""

    where: str
    message: str


def check_date(value, where: str) -> str | None:
    """Return ``value`` as YYYY[-MM[-DD]] (an ISO timestamp is cut to its date), or raise ``InputError``."""
    if value in (None, ""):
        return None
    text = PartialDate.clean(value)
    if text is None:
        raise InputError(f"'published' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}", where=where)
    return text


def is_date(text: str) -> bool:
    """Return True if ``text`` is YYYY, YYYY-MM or YYYY-MM-DD and names a day, month or year that exists."""
    parsed = PartialDate.parse(text)  # 2025-13-01 and 2025-02-30 are not dates
    return parsed is not None and str(parsed) == text


def _check_size(text: str, where: str, max_chars: int) -> str:
    if not text.strip():
        raise InputError("the document is empty", where=where)
    if len(text) > max_chars:
        raise InputError(f"the document has {len(text):,} characters, over the limit of {max_chars:,}",
                         where=where, hint="split it, or raise max_chars in blocwatch.toml")
    return text


def read_text_file(path: Path, doc_id: str, published: str | None, max_chars: int) -> Document:
    """Return the document in a plain-text or Markdown file.

    A header of ``title:``, ``published:``, ``url:``, ``outlet:`` lines and a blank line at the top is
    metadata, not text; its date wins over ``published`` (the caller's fallback). Without a title in
    a header, a leading '# ' line (or a short first line) is the title.
    """
    raw, encoding = decode_bytes(path.read_bytes(), str(path))
    header, text = split_header(raw)
    _check_size(text, str(path), max_chars)
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    title = header.get("title") or (first.lstrip("#").strip() if first.startswith("#") or len(first) < 120 else None)
    return Document(id=doc_id, text=text, published=check_date(header.get("published") or published, str(path)),
                    title=title or None, url=header.get("url") or None, outlet=header.get("outlet") or None,
                    origin=str(path), encoding=encoding)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return (metadata, body): the ``key: value`` lines at the top of ``text`` and what follows the blank
    line after them; ``({}, text)`` when the text does not start with such a header."""
    lines = text.splitlines(keepends=True)
    fields: dict[str, str] = {}
    for n, line in enumerate(lines):
        if not line.strip():
            if fields:
                return fields, "".join(lines[n + 1:])
            continue  # blank lines before the header
        match = HEADER_LINE.match(line.strip())
        if match is None or match.group(1).lower() in fields:
            return {}, text  # prose (or a repeated key): no header, the whole text is the article
        fields[match.group(1).lower()] = match.group(2)
    return {}, text  # header lines and nothing after them: read as text, so nothing is hidden


def read_html_file(path: Path, doc_id: str, published: str | None, max_chars: int,
                   boilerplate: Boilerplate | None = None) -> Document:
    """Return the main text of an HTML page (trafilatura), its title and date from the page metadata."""
    import trafilatura

    html, encoding = decode_bytes(path.read_bytes(), str(path))
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise InputError("no article text found in the HTML page", where=str(path))
    meta = trafilatura.extract_metadata(html)
    text = _check_size(strip_boilerplate(text, boilerplate), str(path), max_chars)
    stated = (meta.date if meta and meta.date else None) or published  # the page's own date wins
    return Document(id=doc_id, text=text, published=check_date(stated, str(path)),
                    title=meta.title if meta else None, url=meta.url if meta else None,
                    outlet=meta.sitename if meta else None, origin=str(path), encoding=encoding)


def read_jsonl_file(path: Path, published: str | None, max_chars: int) -> Iterator[Document | Problem]:
    """Yield one document per JSON Lines record, or a ``Problem`` naming the line that is wrong."""
    text, encoding = decode_bytes(path.read_bytes(), str(path))
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield replace(record_to_document(parse_record(line, where), where, published, max_chars),
                          encoding=encoding)
        except InputError as exc:
            yield Problem(where=where, message=str(exc))


def parse_record(line: str, where: str) -> dict:
    """Return the JSON object on one line, or raise ``InputError`` saying what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", where=where) from exc
    if not isinstance(record, dict):
        raise InputError("each line must be a JSON object", where=where)
    return record


def record_to_document(record: dict, where: str, published: str | None = None,
                       max_chars: int = 200_000) -> Document:
    """Return the ``Document`` for an input record ``{"id","text","published"?,"title"?,"url"?}``."""
    doc_id, text = record.get("id"), record.get("text")
    if doc_id in (None, "") or not isinstance(doc_id, (str, int)):
        raise InputError("the record has no 'id'", where=where)
    if not isinstance(text, str):
        raise InputError("the record has no 'text' string", where=where)
    _check_size(text, where, max_chars)
    return Document(id=str(doc_id), text=text,
                    published=check_date(record.get("published") or published, where),
                    title=_opt_str(record.get("title")), url=_opt_str(record.get("url")),
                    outlet=_opt_str(record.get("outlet")), origin=where)


def _opt_str(value) -> str | None:
    return value if isinstance(value, str) and value else None
