"""The named parties of facts checked against a list of designated entities (``analyze.designations``).

A party is named by the organisation or the person it resolved to and by the words of its mention. It
is flagged when one of those names has the same key as a name of a designated entity (``name_key``:
diacritics, case and punctuation aside, legal forms aside for bodies) and the two do not state different
countries. Keys are compared exactly, with no similarity score: a name one letter away is not flagged,
because a fuzzy rule over a list of thousands of names would flag innocent parties. Even an exact
match is a lead for the analyst, not proof that the party is the listed entity.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..fuse import Fact
from ..store import Store
from .designations import OTHER, PERSON, DesignatedName, Designation, DesignationList, DesignationRules, name_key

FIELD_KINDS = {"org": (OTHER,), "person": (PERSON,), "text": (PERSON, OTHER)}  # what each party name is compared as


@dataclass(frozen=True)
class NamedParty:
    """One party of a fact as one of its mentions names it."""

    fact_id: int
    event_id: int
    side: str  # actor | recipient
    country: str | None  # a state (ISO alpha-3), a PLOVER non-state code, or None
    text: str | None  # the words of the mention
    org: str | None  # the organisation it resolved to
    person: str | None  # the person it resolved to

    def names(self) -> list[tuple[str, str]]:
        """Return (field, name) for each name the party has: its organisation, its person, its words."""
        return [(field, value) for field, value in (("org", self.org), ("person", self.person), ("text", self.text))
                if value]


@dataclass(frozen=True)
class DesignationFlag:
    """A named party of a fact whose name is the name of a designated entity."""

    fact: Fact
    party: NamedParty
    field: str  # which of the party's names matched: org | person | text
    party_name: str
    entity: Designation
    name: DesignatedName  # the entity's name (or alias) it matched
    country: str  # how the country rule was met

    def sentence(self) -> str:
        """Return the sentence of the mention that names the party (the fact's first, failing that)."""
        mentions = [m for m in self.fact.evidence if m.event_id == self.party.event_id] or list(self.fact.evidence)
        return (mentions[0].evidence.sentence or mentions[0].evidence.text) if mentions else ""

    def to_json(self) -> dict:
        p = self.party
        return {"fact": self.fact.id, "type": self.fact.type, "status": self.fact.status,
                "contested": self.fact.contested,
                "party": {"side": p.side, "country": p.country, "text": p.text, "org": p.org, "person": p.person,
                          "event": p.event_id},
                "entity": self.entity.to_json(),
                "matched": {"party_name": self.party_name, "party_field": self.field, "entity_name": self.name.text,
                            "entity_property": self.name.property, "key": self.name.key},
                "country_rule": self.country, "sentence": self.sentence(),
                "evidence": [{"doc_id": m.evidence.doc_id, "text": m.evidence.sentence or m.evidence.text,
                              "status": m.status, "source": m.claimant_name} for m in self.fact.evidence]}


def named_parties(store: Store, facts: Iterable[Fact]) -> list[NamedParty]:
    """Return the parties the facts' mentions name, read through ``Store.parties`` (the facts must carry
    their mentions, as ``Store.whole_facts`` gives them)."""
    fact_of = {m.event_id: f.id for f in facts for m in f.evidence}
    return [NamedParty(fact_of[p.event_id], p.event_id, p.role, p.country, p.text, p.org, p.name)
            for p in store.parties(sorted(fact_of)) if p.text or p.org or p.name]


def designation_flags(facts: Iterable[Fact], parties: Iterable[NamedParty], listing: DesignationList,
                      rules: DesignationRules) -> list[DesignationFlag]:
    """Return the parties whose name is a designated entity's, once per fact, side and entity (the first
    mention and name that match), in fact order."""
    by_id = {f.id: f for f in facts}
    found: dict[tuple[int, str, str], DesignationFlag] = {}
    for party in parties:
        if party.fact_id not in by_id:
            continue
        for field, text, entity, name in name_matches(party, listing, rules):
            rule = country_rule(party.country, entity)
            key = (party.fact_id, party.side, entity.id)
            if rule is not None and key not in found:
                found[key] = DesignationFlag(by_id[party.fact_id], party, field, text, entity, name, rule)
    return sorted(found.values(), key=lambda f: (f.fact.id, f.party.side != "actor", f.entity.caption, f.entity.id))


def name_matches(party: NamedParty, listing: DesignationList,
                 rules: DesignationRules) -> Iterator[tuple[str, str, Designation, DesignatedName]]:
    """Yield (party field, party name, entity, entity name) for each designated name a party's name keys to:
    an organisation's against bodies and vessels, a person's against people, the mention's words against both."""
    for field, text in party.names():
        for kind in FIELD_KINDS[field]:
            for entity, name in listing.by_key.get((kind, name_key(text, kind, rules)), ()):
                yield field, text, entity, name


def country_rule(country: str | None, entity: Designation) -> str | None:
    """Return how a party's country and an entity's countries fit, or None when both state a country and
    they share none (a namesake elsewhere)."""
    if country not in states():
        return "the party states no country" + (f" ({country} is no state)" if country else "")
    if entity.countries:
        return f"{country} on both sides" if country in entity.countries else None
    if entity.other_countries:
        return f"the entity's countries ({', '.join(entity.other_countries)}) have no ISO 3166-1 code to compare"
    return "the entity states no country"


@lru_cache(maxsize=1)
def states() -> frozenset[str]:
    """Return the ISO 3166-1 alpha-3 codes (a party's PLOVER non-state codes, UNO, IGO, MNC ..., are not)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)
