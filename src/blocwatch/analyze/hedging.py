"""Hedging: how evenly a country spreads its cooperation across great powers, and which way it tilts.

With poles P (default USA, CHN, RUS), C_p the summed positive fact weights between the country and
pole p, and q_p = C_p / sum C:
    balance  H = -sum q_p ln q_p / ln |P|        1: cooperation spread evenly, 0: with one pole only
    net N_p = the pair score with pole p (cooperation minus conflict)
    tilt_p = (N_p - mean of the other poles' N) / sum |N|     in [-1, 1]; the pole with the largest
    tilt is the one the country leans to.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..fuse import Fact
from .picture import Picture, by_window, fact_pairs
from .rules import AnalyticsRules
from .scores import fact_weight


@dataclass(frozen=True)
class Hedging:
    country: str
    poles: tuple[str, ...]
    cooperation: dict[str, float]  # C_p
    net: dict[str, float]  # N_p
    balance: float | None  # H; None when the country has no cooperation with any pole
    tilt: dict[str, float]
    facts: int

    @property
    def leans_to(self) -> str | None:
        """Return the pole with the largest tilt, if the country's net score with it is positive."""
        if not self.tilt:
            return None
        pole = max(self.tilt, key=self.tilt.get)
        return pole if self.net[pole] > 0 else None

    def to_json(self) -> dict:
        return {"country": self.country, "poles": list(self.poles),
                "cooperation": {p: round(v, 3) for p, v in self.cooperation.items()},
                "net": {p: round(v, 3) for p, v in self.net.items()},
                "balance": None if self.balance is None else round(self.balance, 3),
                "tilt": {p: round(v, 3) for p, v in self.tilt.items()}, "leans_to": self.leans_to,
                "facts": self.facts}


def hedging(facts: Sequence[Fact], country: str, poles: Sequence[str], rules: AnalyticsRules) -> Hedging:
    """Return the balance and tilt of ``country`` between ``poles`` over ``facts``."""
    poles = tuple(p for p in poles if p != country)
    cooperation = {p: 0.0 for p in poles}
    net = {p: 0.0 for p in poles}
    used = 0
    for fact in facts:
        pairs = fact_pairs(fact)  # "PRK sent workers to RUS and LAO" links PRK to each, not LAO to RUS
        w = fact_weight(fact, rules)
        for pole in poles:
            if frozenset((country, pole)) in pairs:
                used += 1
                net[pole] += w
                cooperation[pole] += max(0.0, w)
    return Hedging(country, poles, cooperation, net, balance(list(cooperation.values())), tilt(net), used)


def balance(values: list[float]) -> float | None:
    """Return the normalised entropy of positive amounts (1 even, 0 all in one); None if all are 0."""
    total = sum(values)
    if total <= 0 or len(values) < 2:
        return None
    shares = [v / total for v in values if v > 0]
    return abs(-sum(q * math.log(q) for q in shares) / math.log(len(values)))  # abs: no -0.0


def tilt(net: dict[str, float]) -> dict[str, float]:
    """Return each pole's lead over the mean of the others, scaled by the summed absolute net scores."""
    scale = sum(abs(v) for v in net.values())
    if not scale or len(net) < 2:
        return {p: 0.0 for p in net}
    return {p: (v - sum(o for q, o in net.items() if q != p) / (len(net) - 1)) / scale for p, v in net.items()}


def hedging_trend(picture: Picture, country: str, poles: Sequence[str], rules: AnalyticsRules,
                  window: str | None = None) -> list[tuple[str, Hedging]]:
    """Return the hedging of ``country`` per time window."""
    return [(label, hedging(group, country, poles, rules))
            for label, group in by_window(picture.involving(country), window or rules.window).items()]
