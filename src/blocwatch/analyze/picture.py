"""The picture the analytics read: fused facts and stated relations, with their time and evidence.

Analytics never query the store themselves: ``picture_from_store`` reads through the ``Store``
interface once, and every metric is a pure function of a ``Picture``. A what-if scenario is another
picture (``Picture.plus``), so the stored facts are never touched.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from itertools import combinations

from ..fuse import Fact, parse_interval
from ..store import Store


@dataclass(frozen=True)
class StatedRelation:
    """A structural state the text states (trade share, dependence, partnership) with its evidence."""

    subject: str
    object: str
    kind: str
    status: str
    value: float | None = None
    contexts: tuple[str, ...] = ()
    doc_id: str | None = None
    published: str | None = None
    evidence: str = ""


@dataclass(frozen=True)
class Picture:
    """Facts and stated relations, the whole input of every metric."""

    facts: tuple[Fact, ...] = ()
    relations: tuple[StatedRelation, ...] = ()
    hypothetical_ids: frozenset[int] = field(default=frozenset())  # what-if facts added to this picture

    def plus(self, facts: Iterable[Fact]) -> Picture:
        """Return a copy of this picture with ``facts`` added as what-if facts."""
        added = tuple(facts)
        return replace(self, facts=self.facts + added,
                       hypothetical_ids=self.hypothetical_ids | {f.id for f in added})

    def involving(self, country: str) -> list[Fact]:
        return [f for f in self.facts if country in f.actors or country in f.recipients]

    def between(self, a: str, b: str) -> list[Fact]:
        return [f for f in self.facts if frozenset((a, b)) in fact_pairs(f)]

    def countries(self) -> set[str]:
        return {c for f in self.facts for c in (*f.actors, *f.recipients)}


def fact_pairs(fact: Fact) -> set[frozenset[str]]:
    """Return the unordered country pairs a fact links: actor x recipient, or every two co-actors."""
    return pairs_of(fact.actors, fact.recipients)


def pairs_of(actors: tuple[str, ...], recipients: tuple[str, ...]) -> set[frozenset[str]]:
    """Return the unordered country pairs that ``actors`` and ``recipients`` of one fact make (``fact_pairs``)."""
    if recipients:
        pairs = {frozenset((a, r)) for a in actors for r in recipients}
    else:
        pairs = {frozenset(p) for p in combinations(sorted(set(actors)), 2)}
    return {p for p in pairs if len(p) == 2}


def directed(fact: Fact, actor: str, recipient: str) -> bool:
    """Return True when ``fact`` is something ``actor`` did to ``recipient`` (a mutual fact counts both ways)."""
    if fact.recipients:
        return actor in fact.actors and recipient in fact.recipients
    return actor in fact.actors and recipient in fact.actors and actor != recipient


def fact_date(fact: Fact) -> date | None:
    """Return when a fact happened: the start of its stated time, else the day it was first reported."""
    return _start(fact.event_when) or _start(fact.first_reported)


@lru_cache(maxsize=65_536)
def _start(value: str | None) -> date | None:
    """Return the first day a date expression covers (cached: thousands of facts share a few dates)."""
    interval = parse_interval(value)
    return interval.start if interval else None


def window_of(day: date, window: str) -> str:
    """Return the label of the time window a day falls in: ``2024``, ``2024-Q3`` or ``2024-07``."""
    if window == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if window == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def by_window(facts: Iterable[Fact], window: str) -> dict[str, list[Fact]]:
    """Return facts grouped by time window, every window from the first to the last (empty ones too);
    undated facts are left out."""
    days: dict[date, list[Fact]] = {}
    for fact in facts:
        day = fact_date(fact)
        if day is not None:
            days.setdefault(day, []).append(fact)
    if not days:
        return {}
    out: dict[str, list[Fact]] = {label: [] for label in window_range(min(days), max(days), window)}
    for day, group in days.items():
        out[window_of(day, window)].extend(group)
    return out


def window_range(first: date, last: date, window: str) -> list[str]:
    """Return the labels of every window from the one holding ``first`` to the one holding ``last``."""
    step = {"year": 12, "quarter": 3, "month": 1}[window]
    labels, month = [], first.year * 12 + first.month - 1
    end = last.year * 12 + last.month - 1
    while month <= end + step - 1:
        label = window_of(date(month // 12, month % 12 + 1, 1), window)
        if not labels or labels[-1] != label:
            labels.append(label)
        month += 1
    return [label for label in labels if label <= window_of(last, window)]


def evidence_text(fact: Fact) -> str:
    """Return the evidence sentences of a fact's mentions, joined (empty for a listing without evidence)."""
    return " ".join(m.evidence.sentence or m.evidence.text for m in fact.evidence)


def picture_from_store(store: Store, since: str | None = None, with_evidence: bool = True,
                       actor: str | None = None) -> Picture:
    """Return the store's facts (with every mention's evidence when asked) and stated relations; with
    ``actor``, only the facts and relations it takes part in (all a profile or a pair needs)."""
    facts = store.facts(since=since, actor=actor)
    if with_evidence:
        facts = store.whole_facts(facts)  # every mention's evidence, in a few queries
    relations = tuple(stated_relations(store, actor))
    return Picture(facts=tuple(facts), relations=relations)


def stated_relations(store: Store, actor: str | None = None) -> Iterator[StatedRelation]:
    """Yield the store's stated relations (only those ``actor`` is subject or object of, when given)."""
    for row in store.relations(actor=actor):
        yield StatedRelation(subject=row.subject, object=row.object, kind=row.kind, status=row.status,
                             value=row.value, contexts=tuple(row.contexts), doc_id=row.doc_id,
                             published=row.published, evidence=row.evidence)
