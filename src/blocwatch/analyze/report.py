"""The analytics as one Python API over a store: what the ``profile``, ``pair``, ``blocs``, ``exposure``
and ``whatif`` commands (and the report and the web service) call."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..knowledge import Knowledge, load_knowledge
from ..store import Store
from .blocs import Bloc, blocs, stability
from .picture import Picture, picture_from_store
from .profile import PairReport, Profile, pair_report, profile
from .rules import AnalyticsRules
from .sanctions import Exposure, SanctionsRules, exposures
from .whatif import WhatIf, parse_act, what_if


@dataclass(frozen=True)
class Analytics:
    """A picture of the store with the rules to read it: every analytics question starts here."""

    picture: Picture
    rules: AnalyticsRules
    sanctions: SanctionsRules

    knowledge: Knowledge

    @classmethod
    def of(cls, store: Store, data_dir: str | None = None, since: str | None = None,
           with_evidence: bool = True, actor: str | None = None) -> Analytics:
        """Return the analytics over ``store`` (facts reported on or after ``since`` when given);
        ``with_evidence=False`` skips reading every fact's mentions, for views that only weigh facts;
        ``actor`` reads only the facts that country takes part in (enough for its profile or a pair)."""
        knowledge = load_knowledge(data_dir)
        picture = picture_from_store(store, since=since, with_evidence=with_evidence, actor=actor)
        return cls(picture, knowledge.analytics, knowledge.sanctions, knowledge)

    def country(self, code: str) -> str:
        """Return ``code`` checked against the countries in the picture; a clear error otherwise."""
        code = code.upper()
        if code not in self.picture.countries():
            known = ", ".join(sorted(self.picture.countries())[:20])
            raise InputError(f"no fact in the store involves {code!r}", hint=f"countries in the store: {known}")
        return code

    def profile(self, code: str, poles: tuple[str, ...] | None = None) -> Profile:
        return profile(self.picture, self.country(code), self.rules, self.sanctions, poles)

    def pair(self, a: str, b: str, window: str | None = None) -> PairReport:
        return pair_report(self.picture, self.country(a), self.country(b), self.rules, window)

    def blocs(self) -> tuple[list[Bloc], list]:
        """Return the blocs over all facts and per window with their stability."""
        return blocs(self.picture.facts, self.rules), stability(self.picture, self.rules)

    def exposures(self, code: str | None = None) -> list[Exposure]:
        return exposures(self.picture, self.sanctions, self.country(code) if code else None)

    def what_if(self, asks: list[str], offers: list[str], today: date | None = None) -> WhatIf:
        """Return the effect of a deal: ``asks`` and ``offers`` are acts such as ``LAO AID RUS military``."""
        ontology = self.knowledge.ontology
        codes = self.picture.countries() | set(self.knowledge.gazetteer.names)
        acts = [parse_act(a, ontology, codes, n, today or date.today()) for n, a in enumerate(asks + offers)]
        return what_if(self.picture, acts, self.rules, self.sanctions)
