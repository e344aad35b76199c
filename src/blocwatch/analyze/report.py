"""The analytics as one Python API over a store: what the ``profile``, ``pair``, ``blocs``, ``exposure``
and ``whatif`` commands (and the report and the web service) call."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..knowledge import Knowledge, load_knowledge
from ..store import Store
from .blocs import Bloc, blocs, stability
from .columnar import profile_exposures, table_profile
from .designations import DesignationList, read_designations
from .picture import Picture, picture_from_store, stated_relations
from .profile import PairReport, Profile, pair_report, profile
from .rules import AnalyticsRules
from .sanctions import Exposure, SanctionsRules, exposures
from .screening import DesignationFlag, designation_flags, named_parties
from .table import fact_table
from .whatif import WhatIf, parse_act, what_if


@dataclass(frozen=True)
class Analytics:
    """A picture of the store with the rules to read it: every analytics question starts here."""

    picture: Picture
    rules: AnalyticsRules
    sanctions: SanctionsRules

    knowledge: Knowledge
    designations: DesignationList | None = None  # designated entities the named parties are checked against

    @classmethod
    def of(cls, store: Store, data_dir: str | None = None, since: str | None = None,
           with_evidence: bool = True, actor: str | None = None, designations: str | None = None,
           listing: DesignationList | None = None) -> Analytics:
        """Return the analytics over ``store`` (facts reported on or after ``since`` when given);
        ``with_evidence=False`` skips reading every fact's mentions, for views that only weigh facts;
        ``actor`` reads only the facts that country takes part in (enough for its profile or a pair);
        ``designations``, an FtM entity file, is read first (a mistake in it stops before the store is read);
        ``listing``, a designations list already read (a service reads its list once)."""
        knowledge = load_knowledge(data_dir)
        if listing is None and designations:
            listing = read_designations(designations, knowledge.designations)
        picture = picture_from_store(store, since=since, with_evidence=with_evidence, actor=actor)
        return cls(picture, knowledge.analytics, knowledge.sanctions, knowledge, listing)

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

    def designated_parties(self, store: Store, code: str | None = None) -> list[DesignationFlag]:
        """Return the named parties of the picture's facts (only the facts ``code`` takes part in, when given)
        that bear the name of an entity on the designations list ([] without one); parties are read from ``store``."""
        if self.designations is None:
            return []
        facts = self.picture.involving(self.country(code)) if code else list(self.picture.facts)
        return designation_flags(facts, named_parties(store, facts), self.designations, self.knowledge.designations)

    def what_if(self, asks: list[str], offers: list[str], today: date | None = None) -> WhatIf:
        """Return the effect of a deal: ``asks`` and ``offers`` are acts such as ``LAO AID RUS military``."""
        ontology = self.knowledge.ontology
        codes = self.picture.countries() | set(self.knowledge.gazetteer.names)
        acts = [parse_act(a, ontology, codes, n, today or date.today()) for n, a in enumerate(asks + offers)]
        return what_if(self.picture, acts, self.rules, self.sanctions)


@dataclass(frozen=True)
class StoreAnalytics:
    """The ``profile`` and ``pair`` questions answered from an open store: the same ``Profile`` and
    ``PairReport`` as ``Analytics``, reading a country's facts as columns and only the facts shown whole
    (a pair's facts; the facts a sanctions rule can match), so they stay fast on millions of facts."""

    store: Store
    rules: AnalyticsRules
    sanctions: SanctionsRules
    since: str | None = None

    @classmethod
    def of(cls, store: Store, data_dir: str | None = None, since: str | None = None) -> StoreAnalytics:
        """Return the analytics over ``store`` (facts reported on or after ``since`` when given)."""
        knowledge = load_knowledge(data_dir)
        return cls(store, knowledge.analytics, knowledge.sanctions, since)

    def profile(self, code: str, poles: tuple[str, ...] | None = None) -> Profile:
        """Return ``code``'s profile (``analyze.profile.profile`` over the store)."""
        code = code.upper()
        types, statuses = list(self.rules.type_weights), list(self.rules.status_weights)
        table = fact_table(self.store.fact_columns(code, types, statuses, since=self.since), code, self.rules,
                           types, statuses)
        if not table.n:
            self._unknown(code)
        return table_profile(table, self.rules, list(stated_relations(self.store, code)),
                             profile_exposures(self.store, table, self.sanctions, types, statuses), poles)

    def pair(self, a: str, b: str, window: str | None = None) -> PairReport:
        """Return the report on ``a`` and ``b`` (``analyze.profile.pair_report`` over the facts between them)."""
        a, b = a.upper(), b.upper()
        for code in (a, b):
            if not self.store.appear_together(code, code, since=self.since):
                self._unknown(code)
        facts = self.store.facts_between(a, b, since=self.since)
        return pair_report(Picture(facts=tuple(facts)), a, b, self.rules, window)

    def _unknown(self, code: str) -> None:
        known = ", ".join(sorted(c for c, _ in self.store.countries())[:20])
        raise InputError(f"no fact in the store involves {code!r}", hint=f"countries in the store: {known}")
