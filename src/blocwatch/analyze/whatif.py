"""What-if deals: add hypothetical facts to a copy of the picture and compare both sides' standing.

A deal is written as one or more acts, each ``ACTOR TYPE RECIPIENT [context ...]``, for example
``--ask "LAO AID RUS military" --offer "RUS AID LAO military"``. The acts are added as facts that
happen (status asserted, one source) to a copy of the picture; the stored facts are never touched.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..fuse import Fact
from ..ontology import Ontology
from .dependence import Dependence, dependence
from .hedging import Hedging, hedging
from .picture import Picture
from .rules import AnalyticsRules
from .sanctions import Exposure, SanctionsRules, exposures
from .scores import Score, pair_facts, score

FIRST_ID = -1  # what-if facts get negative ids so they never collide with stored ones


@dataclass(frozen=True)
class Side:
    country: str
    hedging_before: Hedging
    hedging_after: Hedging
    dependence_before: Dependence
    dependence_after: Dependence
    new_exposures: tuple[Exposure, ...]


@dataclass(frozen=True)
class WhatIf:
    acts: tuple[Fact, ...]
    pair: tuple[str, str]
    score_before: Score
    score_after: Score
    sides: tuple[Side, ...]


def parse_act(text: str, ontology: Ontology, countries: set[str], n: int, today: date) -> Fact:
    """Return the what-if fact an act such as ``LAO AID RUS military`` describes; a clear error otherwise."""
    words = text.split()
    if len(words) < 3:
        raise InputError(f"an act needs ACTOR TYPE RECIPIENT [context ...], got {text!r}",
                         hint="for example: --ask \"LAO AID RUS military\"")
    actor, kind, recipient, *contexts = words
    actor, kind, recipient = actor.upper(), kind.upper(), recipient.upper()
    if kind not in ontology.types:
        raise InputError(f"unknown PLOVER type {kind!r} in {text!r}", hint=f"one of {', '.join(ontology.types)}")
    for code in (actor, recipient):
        if code not in countries:
            raise InputError(f"unknown country code {code!r} in {text!r}", hint="use ISO 3166-1 alpha-3 codes: LAO, RUS")
    for context in contexts:
        if context not in ontology.contexts:
            raise InputError(f"unknown PLOVER context {context!r} in {text!r}",
                             hint=f"for example: {', '.join(list(ontology.contexts)[:6])}")
    return Fact(id=FIRST_ID - n, type=kind, mode=None, actors=(actor,), recipients=(recipient,), status="asserted",
                contested=False, event_when=today.isoformat(), first_reported=today.isoformat(), last_reported=None,
                mentions=0, sources=1, contradicting=0, source_names=("what-if",), contexts=tuple(contexts))


def what_if(picture: Picture, acts: list[Fact], rules: AnalyticsRules, sanctions: SanctionsRules,
            poles: tuple[str, ...] | None = None) -> WhatIf:
    """Return how the acts would change the pair's score and each side's hedging, dependence and exposure."""
    if not acts:
        raise InputError("a what-if needs at least one act (--ask or --offer)")
    parties = sorted({c for f in acts for c in (*f.actors, *f.recipients)})
    a, b = parties[0], parties[-1]
    after = picture.plus(acts)
    poles = poles or rules.poles
    sides = []
    for country in parties:
        before_exp = {(e.category.key, e.category.regime, e.fact.id) for e in exposures(picture, sanctions, country)}
        new = tuple(e for e in exposures(after, sanctions, country)
                    if (e.category.key, e.category.regime, e.fact.id) not in before_exp)
        sides.append(Side(country, hedging(picture.facts, country, poles, rules), hedging(after.facts, country, poles, rules),
                          dependence(picture, country, rules), dependence(after, country, rules), new))
    return WhatIf(tuple(acts), (a, b), score(pair_facts(picture, a, b), rules), score(pair_facts(after, a, b), rules),
                  tuple(sides))
