"""The short briefing ``blocwatch demo`` prints: who appears, the strongest ties, open claims."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..fuse import Fact
from ..store import Store
from .ties import Tie, ties


@dataclass
class Briefing:
    documents: int
    events: int  # mentions: events read from sentences
    facts: int  # happenings: mentions of one event fused
    countries: list[tuple[str, int]]
    ties: list[Tie]
    open_claims: list[Fact]  # facts whose derived status is reported: claimed, and no mention asserts them


def briefing(store: Store, weights: Mapping[str, float], top: int = 10) -> Briefing:
    """Return the briefing over everything in ``store``; ``weights``: PLOVER weight per event type."""
    counts = store.counts()
    return Briefing(documents=counts["documents"], events=counts["events"], facts=counts["facts"],
                    countries=store.countries()[:top * 2], ties=ties(store.facts(), weights, limit=top),
                    open_claims=unconfirmed_claims(store))


def unconfirmed_claims(store: Store) -> list[Fact]:
    """Return the facts someone claims and no mention confirms (derived status reported)."""
    return store.facts(status="reported")
