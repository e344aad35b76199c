"""The partial date value type: a year, a month or a day, as precise as the text gives it.

One parser for every stage (followthemoney's ``types/date.py`` habit: a value type with
``parse``/``clean``/``compare``): publication dates read by ingest, ``when`` values written by
extract, the times fusion compares, and the dates a user types on the command line.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_STAMP_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")  # "2023-08-04T10:00:00Z", as feeds write it


@dataclass(frozen=True)
class PartialDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the days from ``first`` to ``last``."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value) -> PartialDate | None:
        """Return the partial date ``value`` writes (an ISO timestamp counts as its day), or None if it
        is not one: ``2025-13`` and ``2025-02-30`` are not dates."""
        if not isinstance(value, str):
            return None
        text = value.strip()
        stamp = _STAMP_RE.match(text)
        match = _PARTIAL_RE.match(stamp.group(1) if stamp else text)
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    @classmethod
    def clean(cls, value) -> str | None:
        """Return ``value`` written as ``YYYY[-MM[-DD]]``, or None if it is not a partial date."""
        parsed = cls.parse(value)
        return str(parsed) if parsed else None

    @property
    def first(self) -> date:
        """Return the first day the date covers."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """Return the last day the date covers."""
        if self.day is not None:
            return self.first
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def compare(self, other: PartialDate) -> int:
        """Return the days between the two dates' spans (0 when they overlap: "2025-03" and "2025-03-14")."""
        return max(0, (self.first - other.last).days, (other.first - self.last).days)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text
