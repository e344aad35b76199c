"""Recognise page furniture (comment forms, newsletter prompts, tag lines) in article text."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_path, read_tsv

_MAX_LINE = 200  # furniture lines are short; a long line that happens to start "Share on" is prose


@lru_cache(maxsize=4)
def _patterns(data_dir: str | None = None) -> tuple[re.Pattern, ...]:
    path = data_path("ingest/boilerplate.tsv", data_dir)
    return tuple(re.compile(row["pattern"], re.IGNORECASE) for _, row in read_tsv(path, ("pattern",)))


def is_boilerplate(line: str, data_dir: str | None = None) -> bool:
    """Return True when the whole line is page furniture rather than reporting."""
    text = line.strip()
    if not text or len(text) > _MAX_LINE:
        return False
    return any(p.fullmatch(text) for p in _patterns(data_dir))


def boilerplate_spans(text: str, data_dir: str | None = None) -> list[tuple[int, int]]:
    """Return the [start, end) char spans of furniture lines in ``text`` (offsets stay valid)."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        if is_boilerplate(line, data_dir):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def strip_boilerplate(text: str, data_dir: str | None = None) -> str:
    """Return ``text`` without its furniture lines."""
    return "".join(line for line in text.splitlines(keepends=True) if not is_boilerplate(line, data_dir))
