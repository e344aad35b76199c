"""Relationship scores between two countries, with their uncertainty, trend and change points.

A fact's weight (README, Analytics):  w(f) = score(type) x s(status) x min(cap, 1 + ln n_sources)
where score is the PLOVER conflict-cooperation score and s the status weight of ``scoring.yaml``.
A pair's score over a set of facts is the sum of their weights; contested facts are left out and
listed apart.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from ..fuse import Fact
from .picture import Picture, by_window, directed
from .rules import AnalyticsRules

REPORTED_ONLY = ("reported", "hypothetical")
REPLAYED_DRAWS = 500_000  # up to this many draws (facts x samples: 500 facts) the bootstrap replays Python's draws
ANALYTIC_FACTS = 500  # above this many facts the interval comes from the cumulants of the bootstrap distribution
MAX_SKEW = 0.25  # ... unless the sum is skewed beyond this: then it is resampled


def fact_weight(fact: Fact, rules: AnalyticsRules) -> float:
    """Return a fact's signed weight: type score x status weight x corroboration factor (0 if contested)."""
    if fact.contested:
        return 0.0
    corroboration = min(rules.corroboration_cap, 1.0 + math.log(max(1, fact.sources)))
    return rules.type_weights.get(fact.type, 0.0) * rules.status_weights.get(fact.status, 0.0) * corroboration


@dataclass(frozen=True)
class Score:
    """A number with what it rests on: facts, independent sources, claims-only share, an interval."""

    value: float
    facts: int
    sources: int
    reported_share: float  # share of the absolute weight resting on reported or hypothetical facts only
    low: float
    high: float
    contested: int  # contested facts, left out of the value

    def to_json(self) -> dict:
        return {"value": round(self.value, 3), "facts": self.facts, "sources": self.sources,
                "reported_share": round(self.reported_share, 3), "interval": [round(self.low, 3), round(self.high, 3)],
                "contested": self.contested}


def counted_facts(facts: Sequence[Fact], rules: AnalyticsRules) -> list[Fact]:
    """Return the facts a score counts: not contested, and of a status that weighs something (not denied)."""
    return [f for f in facts if not f.contested and rules.status_weights.get(f.status, 0.0) > 0]


def score(facts: Sequence[Fact], rules: AnalyticsRules) -> Score:
    """Return the summed weight of ``facts`` with its bootstrap interval and what it rests on."""
    counted = counted_facts(facts, rules)
    weights = [fact_weight(f, rules) for f in counted]
    total = sum(abs(w) for w in weights)
    claims = sum(abs(w) for f, w in zip(counted, weights) if f.status in REPORTED_ONLY)
    low, high = bootstrap_interval(weights, rules)
    sources = {name for f in counted for name in f.source_names} or None
    return Score(value=sum(weights), facts=len(counted),
                 sources=len(sources) if sources else sum(f.sources for f in counted),
                 reported_share=claims / total if total else 0.0, low=low, high=high,
                 contested=sum(1 for f in facts if f.contested))


def bootstrap_interval(weights: Sequence[float], rules: AnalyticsRules) -> tuple[float, float]:
    """Return the percentile bootstrap interval of a sum of fact weights (resampling the facts).

    Above ``ANALYTIC_FACTS`` facts the bootstrap distribution of the sum is not sampled but taken from
    its exact first four cumulants (``sum_quantiles``): the interval resampling converges to, closer to
    it than ``samples`` resamples get (their Monte Carlo error is larger), deterministic and free of
    the cost of thousands of draws per resample.
    """
    if not len(weights):
        return 0.0, 0.0
    tail = (1 - rules.bootstrap.level) / 2
    values = np.asarray(weights, dtype=float)
    found = sum_quantiles(values, tail, 1 - tail) if len(values) > ANALYTIC_FACTS else None
    if found is not None:
        return found
    sums = np.sort(resampled_sums(values, rules.bootstrap.samples, rules.bootstrap.seed))
    return float(sums[int(tail * (len(sums) - 1))]), float(sums[int((1 - tail) * (len(sums) - 1))])


def sum_quantiles(weights: np.ndarray, *levels: float) -> tuple[float, ...] | None:
    """Return quantiles of the sum of ``len(weights)`` draws with replacement from ``weights`` (the
    bootstrap distribution of their sum), by the Cornish-Fisher expansion of its cumulants; None where
    the sum is too skewed for the expansion to hold (|g1| above ``MAX_SKEW``: a few rare, heavy facts).

    The sum of n draws has cumulants n k_j, k_j those of one draw, so its skewness is g1 = k3 / (k2^1.5
    sqrt n) and its excess kurtosis g2 = k4 / (k2^2 n); a quantile at the normal quantile z is
    mean + sd (z + (z^2 - 1) g1 / 6 + (z^3 - 3z) g2 / 24 - (2z^3 - 5z) g1^2 / 36), its error O(n^-1.5).
    """
    n = len(weights)
    centred = weights - weights.mean()
    k2 = float(np.mean(centred ** 2))
    if k2 <= 0:  # every weight the same: the sum cannot vary
        return tuple(float(weights.sum()) for _ in levels)
    k3 = float(np.mean(centred ** 3))
    k4 = float(np.mean(centred ** 4)) - 3 * k2 * k2
    g1, g2 = k3 / (k2 ** 1.5 * math.sqrt(n)), k4 / (k2 * k2 * n)
    if abs(g1) > MAX_SKEW:
        return None
    out = []
    for level in levels:
        z = NormalDist().inv_cdf(level)
        w = z + (z * z - 1) * g1 / 6 + (z ** 3 - 3 * z) * g2 / 24 - (2 * z ** 3 - 5 * z) * g1 * g1 / 36
        out.append(float(weights.sum()) + math.sqrt(n * k2) * w)
    return tuple(out)


def resampled_sums(weights: np.ndarray, samples: int, seed: int) -> np.ndarray:
    """Return ``samples`` sums of ``len(weights)`` weights drawn with replacement, seeded with ``seed``.

    Up to ``REPLAYED_DRAWS`` draws these are the draws ``random.Random(seed).choices`` makes (numpy's
    legacy Mersenne Twister seeded with the same key gives the same doubles; an index is
    floor(u * n) as in ``choices``; a cumulative sum adds left to right as ``sum`` does), so intervals
    are those of the pure-Python bootstrap. Above, the resample is drawn as the counts of each distinct
    weight (a multinomial draw: the same distribution of the sum, in time independent of the number of
    facts), seeded with ``seed`` too: other draws, the same interval up to Monte Carlo error.
    """
    n = len(weights)
    if n * samples <= REPLAYED_DRAWS:
        state = np.random.RandomState(_seed_key(seed))
        picks = np.floor(state.random_sample((samples, n)) * float(n)).astype(np.intp)
        return np.cumsum(weights[picks], axis=1)[:, -1]
    values, counts = np.unique(weights, return_counts=True)
    draws = np.random.default_rng(abs(seed)).multinomial(n, counts / n, size=samples)
    return draws @ values


def _seed_key(seed: int) -> list[int]:
    """Return the 32-bit words ``random.seed`` makes of an integer seed (least significant first)."""
    seed, key = abs(seed), []
    while True:
        key.append(seed & 0xFFFFFFFF)
        seed >>= 32
        if not seed:
            return key


def pair_facts(picture: Picture, a: str, b: str, direction: str = "both") -> list[Fact]:
    """Return the facts between ``a`` and ``b``: ``both`` ways, or only ``a``->``b`` (``directed``)."""
    facts = picture.between(a, b)
    if direction == "directed":
        facts = [f for f in facts if directed(f, a, b)]
    return facts


@dataclass(frozen=True)
class WindowScore:
    window: str
    score: Score
    change: float | None = None  # difference from the previous window
    z: float | None = None  # the change in standard errors of the difference
    flagged: bool = False
    movers: tuple[Fact, ...] = ()  # the facts of this window that weigh most, when flagged


def trend(facts: Sequence[Fact], rules: AnalyticsRules, window: str | None = None) -> list[WindowScore]:
    """Return the score per time window, flagging changes larger than the windows' sampling noise.

    A window's score S is a sum of facts, each of which might have gone unreported, so Var(S) is taken
    as the sum of the squared weights; a change is flagged when |S_t - S_{t-1}| exceeds ``change_z``
    standard errors sqrt(Var(S_t) + Var(S_{t-1})).
    """
    out: list[WindowScore] = []
    previous: tuple[float, float] | None = None
    for label, group in by_window(facts, window or rules.window).items():
        s = score(group, rules)
        variance = sum(fact_weight(f, rules) ** 2 for f in group)
        if previous is None:
            out.append(WindowScore(label, s))
        else:
            change = s.value - previous[0]
            se = math.sqrt(variance + previous[1])
            z = change / se if se else 0.0
            flagged = abs(z) > rules.change_z
            movers = tuple(sorted(group, key=lambda f: -abs(fact_weight(f, rules)))[:3]) if flagged else ()
            out.append(WindowScore(label, s, change, z, flagged, movers))
        previous = (s.value, variance)
    return out
