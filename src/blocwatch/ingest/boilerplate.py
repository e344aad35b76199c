"""Recognise page furniture (comment forms, newsletter prompts, tag lines) in article text."""
from __future__ import annotations

import re
from functools import cache

from ..errors import DataFileError
from ..resources import data_path, read_tsv

_MAX_LINE = 200  # furniture lines are short; a long line that happens to start "Share on" is prose

Boilerplate = tuple[re.Pattern, ...]  # whole-line patterns of page furniture (data/ingest/boilerplate.tsv)


def load_boilerplate(data_dir: str | None = None) -> Boilerplate:
    """Return the furniture patterns (read anew on every call: ``Knowledge`` holds the one a run uses)."""
    path = data_path("ingest/boilerplate.tsv", data_dir)
    patterns = []
    for n, row in read_tsv(path, ("pattern",)):
        try:
            patterns.append(re.compile(row["pattern"], re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(f"not a regular expression: {exc}", where=f"{path}:{n}") from exc
    return tuple(patterns)


@cache
def _shipped() -> Boilerplate:
    return load_boilerplate()


def is_boilerplate(line: str, patterns: Boilerplate | None = None) -> bool:
    """Return True when the whole line is page furniture rather than reporting (``patterns``: the shipped ones)."""
    text = line.strip()
    if not text or len(text) > _MAX_LINE:
        return False
    return any(p.fullmatch(text) for p in (_shipped() if patterns is None else patterns))


def boilerplate_spans(text: str, patterns: Boilerplate | None = None) -> list[tuple[int, int]]:
    """Return the [start, end) char spans of furniture lines in ``text`` (offsets stay valid)."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        if is_boilerplate(line, patterns):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def strip_boilerplate(text: str, patterns: Boilerplate | None = None) -> str:
    """Return ``text`` without its furniture lines."""
    return "".join(line for line in text.splitlines(keepends=True) if not is_boilerplate(line, patterns))
