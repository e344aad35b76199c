"""Fact identity: which mentions describe one happening (type family, parties, mode, time window)."""
from __future__ import annotations

import math
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import PartialDate
from .records import Interval, Mention
from .rules import FusionRules


@dataclass(frozen=True)
class FactKey:
    """What a candidate fact must share with a mention before time and mode are compared."""

    family: str
    parties: str


@dataclass(frozen=True)
class Candidate:
    """A stored fact a new mention might join, with what matching needs to know of it."""

    fact_id: int
    mode: str | None
    time: Interval | None
    mentions: int
    contexts: tuple[str, ...] = ()
    state: str | None = None  # the fact's summary state, when the repository keeps it


def fact_key(mention: Mention, rules: FusionRules) -> FactKey:
    """Return the family and participant key: ``PRK+VNM`` for undirected families, else ``RUS>LAO``."""
    family = rules.family(mention.type)
    actors, recipients = sorted(set(mention.actors)), sorted(set(mention.recipients))
    if family in rules.undirected:
        return FactKey(family, "+".join(sorted(set(actors) | set(recipients))))
    return FactKey(family, "+".join(actors) + ">" + "+".join(recipients))


@lru_cache(maxsize=8192)  # the same dates come again and again; an Interval is immutable
def parse_interval(value: str | None, stated: bool = True) -> Interval | None:
    """Return the days a date expression covers: ``2025``, ``2025-07``, ``2025-07-03``, ``1964/1973``."""
    if not value:
        return None
    first, _, last = value.partition("/")
    start, end = PartialDate.parse(first), PartialDate.parse(last or first)
    if start is None or end is None or end.last < start.first:
        return None
    return Interval(start.first, end.last, stated)


def mention_time(mention: Mention) -> Interval | None:
    """Return when the mention says it happened, else its document's publication date (not stated).

    A stated time that the publication date falls inside ends there: "in March" in a report of
    March 3 means March 1 to 3. A stated time after the publication date (an announced plan) stays.
    """
    stated, published = parse_interval(mention.when), parse_interval(mention.published, stated=False)
    if stated and published and stated.start <= published.end < stated.end:
        return Interval(stated.start, published.end)
    return stated or published


def fact_time(mentions: Iterable[Mention]) -> tuple[Interval | None, str | None]:
    """Return the fact's time, and its event time as the texts state it (the most precise ``when``).

    The fact's time is the most precise mention time: a stated time beats a publication date of the
    same precision, and the earliest wins a tie, so a story re-reported every day keeps the time of
    its first report instead of drifting forward.
    """
    times = [(t, m.when) for m in mentions if (t := mention_time(m))]
    if not times:
        return None, None
    stated = [tw for tw in times if tw[0].stated]
    when = min(stated, key=lambda tw: (tw[0].days, tw[0].start))[1] if stated else None
    return min(times, key=lambda tw: (tw[0].days, not tw[0].stated, tw[0].start))[0], when


def modes_compatible(a: str | None, b: str | None) -> bool:
    """Return True when two modes can describe one happening: equal, or one unknown."""
    return a is None or b is None or a == b


def contexts_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    """Return True when two sets of PLOVER contexts can describe one happening: shared, or one empty."""
    a, b = set(a), set(b)
    return not a or not b or bool(a & b)


def choose_fact(mention: Mention, candidates: Iterable[Candidate], rules: FusionRules) -> int | None:
    """Return the id of the fact the mention joins, or None for a new fact.

    Of the compatible candidates within the window: the nearest in time, then the nearest to the
    mention's publication date (a vague "in March" most likely means the latest March happening
    before the report), then the best attested.
    """
    window = rules.window(fact_key(mention, rules).family)
    time, published = mention_time(mention), parse_interval(mention.published)
    fits = [(_gap(time, c.time), _gap(published, c.time), -c.mentions, c.fact_id) for c in candidates
            if modes_compatible(mention.mode, c.mode)
            and (not rules.contexts_must_overlap or contexts_compatible(mention.contexts, c.contexts))]
    fits = [f for f in fits if f[0] <= window]
    return min(fits)[3] if fits else None


def _gap(a: Interval | None, b: Interval | None) -> float:
    # Unknown on both sides: nothing tells them apart. Unknown on one side only: incompatible, or an
    # undated mention would join any dated fact and an undated fact would take in every repeat of its
    # parties for ever (it did: 459 mentions in one fact of a 10k store).
    if a is None or b is None:
        return 0 if a is None and b is None else math.inf
    return a.gap(b)
