"""Blocs: groups of countries held together by cooperation, found on the signed tie graph.

Each pair's net score (``scores``) is an edge; Louvain community detection (networkx) runs on the
positive edges of at least ``blocs.min_weight``. A bloc is reported with the ties that hold it
together and the conflict ties inside it (frustration). Stability across windows is the mean, over the
blocs of one window, of the best Jaccard overlap with a bloc of the next window.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from ..fuse import Fact
from .picture import Picture, by_window, fact_pairs
from .rules import AnalyticsRules
from .scores import fact_weight


@dataclass(frozen=True)
class Tie:
    a: str
    b: str
    weight: float
    facts: int


@dataclass(frozen=True)
class Bloc:
    members: tuple[str, ...]
    ties: tuple[Tie, ...]  # the positive ties inside the bloc, strongest first
    conflicts: tuple[Tie, ...]  # negative ties inside the bloc

    def to_json(self) -> dict:
        return {"members": list(self.members),
                "ties": [{"a": t.a, "b": t.b, "weight": round(t.weight, 3), "facts": t.facts} for t in self.ties],
                "conflicts": [{"a": t.a, "b": t.b, "weight": round(t.weight, 3), "facts": t.facts}
                              for t in self.conflicts]}


def net_ties(facts: Sequence[Fact], rules: AnalyticsRules) -> list[Tie]:
    """Return every pair's summed fact weight and fact count."""
    weight: dict[frozenset[str], float] = {}
    count: dict[frozenset[str], int] = {}
    for fact in facts:
        w = fact_weight(fact, rules)
        for pair in fact_pairs(fact):
            weight[pair] = weight.get(pair, 0.0) + w
            count[pair] = count.get(pair, 0) + 1
    ties = [Tie(*sorted(p), weight=w, facts=count[p]) for p, w in weight.items()]
    return sorted(ties, key=lambda t: (-abs(t.weight), t.a, t.b))


def blocs(facts: Sequence[Fact], rules: AnalyticsRules) -> list[Bloc]:
    """Return the blocs of two or more countries, largest first."""
    ties = net_ties(facts, rules)
    graph = nx.Graph()
    graph.add_weighted_edges_from((t.a, t.b, t.weight) for t in ties if t.weight >= rules.blocs.min_weight)
    if graph.number_of_edges() == 0:
        return []
    communities = nx.community.louvain_communities(graph, weight="weight", resolution=rules.blocs.resolution,
                                                   seed=rules.blocs.seed)
    out = []
    for members in communities:
        if len(members) < 2:
            continue
        inside = [t for t in ties if t.a in members and t.b in members]
        out.append(Bloc(tuple(sorted(members)), tuple(t for t in inside if t.weight > 0),
                        tuple(t for t in inside if t.weight < 0)))
    return sorted(out, key=lambda b: (-len(b.members), b.members))


def stability(picture: Picture, rules: AnalyticsRules, window: str | None = None) -> list[tuple[str, list[Bloc], float | None]]:
    """Return (window, blocs, stability with the previous window) per window; None for the first."""
    out: list[tuple[str, list[Bloc], float | None]] = []
    previous: list[Bloc] | None = None
    for label, group in by_window(picture.facts, window or rules.window).items():
        current = blocs(group, rules)
        out.append((label, current, None if previous is None else overlap(previous, current)))
        previous = current
    return out


def overlap(before: list[Bloc], after: list[Bloc]) -> float | None:
    """Return the mean best Jaccard overlap of each earlier bloc with a later one (None without blocs)."""
    if not before or not after:
        return None
    best = [max(len(set(b.members) & set(a.members)) / len(set(b.members) | set(a.members)) for a in after)
            for b in before]
    return sum(best) / len(best)
