"""The short briefing ``blocwatch demo`` prints: who appears, the strongest ties, open claims."""
from __future__ import annotations

from dataclasses import dataclass

from ..ontology import load_ontology
from ..store import EventRow, Store, Tie


@dataclass
class Briefing:
    documents: int
    events: int
    countries: list[tuple[str, int]]
    ties: list[Tie]
    open_claims: list[EventRow]  # reported, and no stored statement or confirmation of the same event


def briefing(store: Store, data_dir: str | None = None, top: int = 10) -> Briefing:
    """Return the briefing over everything in ``store``."""
    weights = {name: t.weight for name, t in load_ontology(data_dir).types.items()}
    counts = store.counts()
    return Briefing(documents=counts["documents"], events=counts["events"], countries=store.countries()[:top * 2],
                    ties=store.ties(weights, limit=top), open_claims=unconfirmed_claims(store))


def unconfirmed_claims(store: Store) -> list[EventRow]:
    """Return reported events for which no stored event of the same type and actors is asserted."""
    asserted = {_key(e) for e in store.events(status="asserted")}
    return [e for e in store.events(status="reported") if _key(e) not in asserted]


def _key(e: EventRow) -> tuple:
    return (frozenset(e.actors), frozenset(e.recipients), e.type)
