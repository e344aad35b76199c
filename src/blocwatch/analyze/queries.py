"""Fact queries: the filters the web service, the web pages and watchlists share (actor, pair, type,
status, time, source), with pagination."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Generic, TypeVar

from ..errors import InputError
from ..fuse import Fact
from ..model import STATUSES
from ..ontology import load_ontology
from ..store import Store

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE = re.compile(r"^[A-Za-z]{3}$")
T = TypeVar("T")


@dataclass(frozen=True)
class FactQuery:
    """Which facts to return: all of ``countries`` take part; of ``type``; with derived ``status``;
    reported on or after ``since`` and on or before ``until``; a source (outlet or claimant) containing
    ``source``."""

    countries: tuple[str, ...] = ()
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None

    def checked(self, data_dir: str | None = None) -> FactQuery:
        """Return the query normalised (codes upper-case); ``InputError`` names a bad field."""
        for code in self.countries:
            if not CODE.match(code):
                raise InputError(f"{code!r} is not a three-letter country code", where="countries")
        if self.type and self.type.upper() not in load_ontology(data_dir).types:
            raise InputError(f"unknown PLOVER type {self.type!r}", where="type")
        if self.status and self.status.lower() not in STATUSES:
            raise InputError(f"status must be one of {', '.join(STATUSES)}", where="status")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not DATE.match(value):
                raise InputError(f"{name} must be a date like 2025-01-31, got {value!r}", where=name)
        return FactQuery(tuple(dict.fromkeys(c.upper() for c in self.countries)),
                         self.type.upper() if self.type else None, self.status.lower() if self.status else None,
                         self.since, self.until, self.source.strip() if self.source else None)

    def to_json(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items() if v}

    def describe(self) -> str:
        """Return the query in words ("facts involving PRK and LAO, type AID")."""
        parts = [f"involving {' and '.join(self.countries)}"] if self.countries else []
        parts += [f"{k} {v}" for k, v in (("type", self.type), ("status", self.status), ("since", self.since),
                                          ("until", self.until), ("source", self.source)) if v]
        return "facts " + ", ".join(parts) if parts else "every fact"


def find_facts(store: Store, query: FactQuery) -> list[Fact]:
    """Return the facts matching ``query``, most recent first (the store filters what it can)."""
    first = query.countries[0] if query.countries else None
    facts = store.facts(actor=first, type=query.type, status=query.status, since=query.since)
    return [f for f in facts if matches(f, query)]


def matches(fact: Fact, query: FactQuery) -> bool:
    """Return True when ``fact`` satisfies every field of ``query``."""
    parties = set(fact.actors) | set(fact.recipients)
    if not set(query.countries) <= parties:
        return False
    if query.type and fact.type != query.type or query.status and fact.status != query.status:
        return False
    if query.since and (fact.last_reported or "") < query.since:
        return False
    if query.until and (fact.first_reported or "9999") > query.until + "\uffff":
        return False  # "2024-06" as until keeps every day of June
    if query.source and not any(query.source.lower() in s.lower() for s in fact.source_names):
        return False
    return True


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: the items, how many there are in all, and where the next page starts."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None = field(default=None)


def page(items: list[T], limit: int, offset: int) -> Page[T]:
    """Return items ``offset`` to ``offset + limit`` of ``items`` as a page."""
    chunk = items[offset: offset + limit]
    more = offset + limit < len(items)
    return Page(chunk, len(items), limit, offset, offset + limit if more else None)
