"""Ties: which pairs of countries interact most, counting each fact once (asserted or reported only)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from ..fuse import Fact

TIE_STATUSES = ("asserted", "reported")


@dataclass(frozen=True)
class Tie:
    """Facts between two countries, summed over the store."""

    a: str
    b: str
    facts: int  # happenings between the two, each counted once however often reported
    weight: float  # summed PLOVER weights of those facts


def ties(facts: Iterable[Fact], weights: Mapping[str, float], limit: int = 10) -> list[Tie]:
    """Return the country pairs with the most asserted or reported facts, with summed type weights."""
    totals: dict[tuple[str, str], list[float]] = {}
    for fact in facts:
        if fact.status not in TIE_STATUSES:
            continue  # a denied or hypothetical happening is no interaction
        for a, b in combinations(sorted(set(fact.actors + fact.recipients)), 2):
            entry = totals.setdefault((a, b), [0, 0.0])
            entry[0] += 1
            entry[1] += weights.get(fact.type, 0.0)
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1][0], -abs(kv[1][1]), kv[0]))
    return [Tie(a, b, int(n), w) for (a, b), (n, w) in ranked[:limit]]
