"""A country's profile and a pair's report: the metrics composed for the ``profile`` and ``pair`` commands."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .dependence import Dependence, dependence, diversification
from .hedging import Hedging, hedging, hedging_trend
from .picture import Picture
from .rules import AnalyticsRules
from .sanctions import Exposure, SanctionsRules, exposures
from .scores import Score, WindowScore, pair_facts, score, trend


@dataclass(frozen=True)
class Partner:
    country: str
    score: Score


@dataclass(frozen=True)
class Profile:
    country: str
    facts: int
    partners: tuple[Partner, ...]  # strongest ties first (by absolute score)
    dependence: Dependence
    diversification: tuple[tuple[str, float, int], ...]
    hedging: Hedging
    hedging_trend: tuple[tuple[str, Hedging], ...]
    exposures: tuple[Exposure, ...]  # its own, and others' through dealings with it


@dataclass(frozen=True)
class PairReport:
    a: str
    b: str
    both: Score
    a_to_b: Score
    b_to_a: Score
    trend: tuple[WindowScore, ...]
    facts: tuple  # the facts between the two, newest first


def profile(picture: Picture, country: str, rules: AnalyticsRules, sanctions: SanctionsRules,
            poles: Sequence[str] | None = None, top: int = 10) -> Profile:
    """Return ``country``'s partners, dependence, hedging between the poles and sanctions exposure."""
    poles = tuple(poles or rules.poles)
    facts = picture.involving(country)
    partners = [Partner(other, score(picture.between(country, other), rules))
                for other in sorted(picture.countries() - {country})]
    partners = [p for p in partners if p.score.facts or p.score.contested]
    partners.sort(key=lambda p: (-abs(p.score.value), p.country))
    return Profile(country=country, facts=len(facts), partners=tuple(partners[:top]),
                   dependence=dependence(picture, country, rules),
                   diversification=tuple(diversification(picture, country, rules)),
                   hedging=hedging(facts, country, poles, rules),
                   hedging_trend=tuple(hedging_trend(picture, country, poles, rules)),
                   exposures=tuple(exposures(picture, sanctions, country, as_target=True)))


def pair_report(picture: Picture, a: str, b: str, rules: AnalyticsRules, window: str | None = None) -> PairReport:
    """Return the score between ``a`` and ``b`` both ways and each way, with its trend and change points."""
    facts = pair_facts(picture, a, b)
    return PairReport(a=a, b=b, both=score(facts, rules), a_to_b=score(pair_facts(picture, a, b, "directed"), rules),
                      b_to_a=score(pair_facts(picture, b, a, "directed"), rules), trend=tuple(trend(facts, rules, window)),
                      facts=tuple(sorted(facts, key=lambda f: f.first_reported or "", reverse=True)))
